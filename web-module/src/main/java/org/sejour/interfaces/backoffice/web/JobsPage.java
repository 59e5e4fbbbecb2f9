package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.sejour.application.job.JobConsole;
import org.sejour.application.job.JobExecutionSummary;
import org.sejour.domain.model.shared.SejourException;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The operator's page of batch jobs: the latest executions with their counts, and "run now". */
@Named
@ViewScoped
public class JobsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 100;

    @EJB
    JobConsole jobs;

    private List<JobExecutionSummary> executions;

    @PostConstruct
    void load() {
        executions = jobs.executions(SHOWN);
    }

    /** Starts the job for every owner, as its timer would; it runs in the background. */
    public void runNow(String jobName) {
        try {
            long executionId = jobs.start(jobName, Map.of());
            Faces.info("jobs.started", Faces.text("jobs.name." + jobName), String.valueOf(executionId));
        } catch (SejourException e) {
            Faces.show("jobs", e);
        }
        load();
    }

    /** Starts a failed or stopped execution again from its last checkpoint. */
    public void restart(long executionId) {
        try {
            long again = jobs.restart(executionId);
            Faces.info("jobs.restarted", String.valueOf(executionId), String.valueOf(again));
        } catch (SejourException e) {
            Faces.show("jobs", e);
        }
        load();
    }

    public void refresh() {
        load();
    }

    public List<String> getJobNames() { return jobs.jobNames(); }
    public List<JobExecutionSummary> getExecutions() { return executions; }
}
