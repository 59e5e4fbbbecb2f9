package org.sejour.application.job;

import jakarta.ejb.Local;

import java.util.List;
import java.util.Map;

/**
 * The batch jobs as the operator sees them: their executions and "run now". Implemented in
 * the batch module, because Jakarta Batch answers questions about a job only to the module
 * that started it; the web module reaches it through this interface.
 */
@Local
public interface JobConsole {

    /** The jobs an operator may start, in the order the page lists them. */
    List<String> jobNames();

    /** Starts a job now, with the given parameters; returns the execution id. */
    long start(String jobName, Map<String, String> parameters);

    /**
     * Starts a failed or stopped execution again, with its parameters: it skips the steps that
     * completed and reads on from its last checkpoint. Returns the new execution's id.
     */
    long restart(long executionId);

    /** The latest executions of every job, newest first. */
    List<JobExecutionSummary> executions(int max);

    JobExecutionSummary execution(long executionId);
}
