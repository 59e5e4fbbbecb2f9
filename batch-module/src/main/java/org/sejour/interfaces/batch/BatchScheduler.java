package org.sejour.interfaces.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import org.sejour.application.job.ExportJobs;
import org.sejour.application.job.JobConsole;
import org.sejour.application.job.JobExecutionSummary;
import org.sejour.domain.model.shared.InvalidInputException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts Séjour's jobs and answers the operator's questions about them. Timers are persistent
 * so that, in a cluster, each firing runs on one server only. Starting and querying both
 * happen in this one bean because Payara tags a job with the component that started it (here
 * {@code sejour_batch-module.jar_BatchScheduler_…}) and refuses queries from any other.
 */
@Singleton
@LocalBean
@Lock(LockType.READ)
public class BatchScheduler implements JobConsole, ExportJobs {

    private static final Logger LOG = Logger.getLogger(BatchScheduler.class.getName());

    /** The jobs of META-INF/batch-jobs; only these can be started from the operator's page. */
    static final List<String> JOBS = List.of("option-expiry", "deposit-reminders", "balance-reminders",
            "channel-sync", "photo-cleanup", "export-expiry");

    /** The jobs the operator's page lists: those above and the exports owners ask for. */
    static final List<String> LISTED = List.of("option-expiry", "deposit-reminders", "balance-reminders",
            "channel-sync", "photo-cleanup", "export-expiry", "dossier-export");

    @Schedule(hour = "3", minute = "17", persistent = true, info = "photo-cleanup")
    void nightlyPhotoCleanup() {
        start("photo-cleanup", new Properties());
    }

    /**
     * Every five minutes the feeds that are due are synced; each feed is due again
     * sejour.channels.sync-minutes (15 by default) after its last sync, so the operator sets
     * the pace without redeploying.
     */
    @Schedule(hour = "*", minute = "*/5", persistent = true, info = "channel-sync")
    void channelSync() {
        start("channel-sync", new Properties());
    }

    /** Options lapse at midnight in France (the end of their deadline day); a quarter of an hour late at most. */
    @Schedule(hour = "*", minute = "*/15", persistent = true, info = "option-expiry")
    void optionExpiry() {
        start("option-expiry", new Properties());
    }

    /** Reminders go out in the morning, French time, once the night's options have lapsed. */
    @Schedule(hour = "9", minute = "0", timezone = "Europe/Paris", persistent = true, info = "deposit-reminders")
    void depositReminders() {
        start("deposit-reminders", new Properties());
    }

    @Schedule(hour = "9", minute = "10", timezone = "Europe/Paris", persistent = true, info = "balance-reminders")
    void balanceReminders() {
        start("balance-reminders", new Properties());
    }

    /** Exports are kept for a day; an hourly sweep keeps them not much longer. */
    @Schedule(hour = "*", minute = "41", persistent = true, info = "export-expiry")
    void exportExpiry() {
        start("export-expiry", new Properties());
    }

    @Override
    public long startDossierExport(long exportId) {
        Properties parameters = new Properties();
        parameters.setProperty("exportId", Long.toString(exportId));
        return start("dossier-export", parameters);
    }

    /** Starts a job now; for the timers, the operator's "run now" and the tests. */
    public long start(String jobName, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        long executionId = operator.start(jobName, parameters);
        LOG.log(Level.INFO, "Job {0} started, execution {1}", new Object[]{jobName, executionId});
        return executionId;
    }

    @Override
    public List<String> jobNames() {
        return JOBS;
    }

    @Override
    public long start(String jobName, Map<String, String> parameters) {
        if (!JOBS.contains(jobName)) {
            throw new InvalidInputException("jobName", "job.unknown");
        }
        Properties properties = new Properties();
        properties.putAll(parameters);
        return start(jobName, properties);
    }

    @Override
    public List<JobExecutionSummary> executions(int max) {
        JobOperator operator = BatchRuntime.getJobOperator();
        List<JobExecutionSummary> executions = new ArrayList<>();
        for (String job : LISTED) {
            List<JobInstance> instances;
            try {
                instances = operator.getJobInstances(job, 0, max);
            } catch (NoSuchJobException neverRun) {
                continue;
            }
            for (JobInstance instance : instances) {
                operator.getJobExecutions(instance).forEach(e -> executions.add(summary(operator, e)));
            }
        }
        return executions.stream()
                .sorted(Comparator.comparing(JobExecutionSummary::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(JobExecutionSummary::executionId, Comparator.reverseOrder()))
                .limit(max).toList();
    }

    @Override
    public JobExecutionSummary execution(long executionId) {
        JobOperator operator = BatchRuntime.getJobOperator();
        return summary(operator, operator.getJobExecution(executionId));
    }

    private static JobExecutionSummary summary(JobOperator operator, JobExecution execution) {
        Map<Metric.MetricType, Long> totals = new EnumMap<>(Metric.MetricType.class);
        boolean stepsEnded = true;
        for (StepExecution step : operator.getStepExecutions(execution.getExecutionId())) {
            stepsEnded &= step.getEndTime() != null;
            for (Metric metric : step.getMetrics()) {
                totals.merge(metric.getType(), metric.getValue(), Long::sum);
            }
        }
        // ended only once its steps have: CI once read a run as ended with one step's counts only
        Date ended = stepsEnded ? execution.getEndTime() : null;
        long skips = totals.getOrDefault(Metric.MetricType.READ_SKIP_COUNT, 0L)
                + totals.getOrDefault(Metric.MetricType.PROCESS_SKIP_COUNT, 0L)
                + totals.getOrDefault(Metric.MetricType.WRITE_SKIP_COUNT, 0L);
        return new JobExecutionSummary(execution.getExecutionId(), execution.getJobName(),
                instant(execution.getCreateTime()), instant(execution.getStartTime()), instant(ended),
                String.valueOf(execution.getBatchStatus()), execution.getExitStatus(),
                totals.getOrDefault(Metric.MetricType.READ_COUNT, 0L), totals.getOrDefault(Metric.MetricType.WRITE_COUNT, 0L),
                totals.getOrDefault(Metric.MetricType.FILTER_COUNT, 0L), skips,
                totals.getOrDefault(Metric.MetricType.COMMIT_COUNT, 0L));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
