package org.sejour.interfaces.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.sejour.application.job.ExportJobs;
import org.sejour.application.job.JobConsole;
import org.sejour.application.job.JobExecutionSummary;
import org.sejour.domain.model.shared.InvalidInputException;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts Séjour's jobs and answers the operator's questions about them. Each member of a
 * Deployment Group has the timers; a firing runs on the one member that claims it first
 * ({@link TimerFirings}). Starting and querying both
 * happen in this one bean because Payara tags a job with the component that started it (here
 * {@code sejour_batch-module.jar_BatchScheduler_…}) and refuses queries from any other.
 * <p>
 * No method runs in a transaction: the first call into the batch runtime creates its tables in
 * Séjour's database (PostgreSQL DDL is transactional), and inside a caller's transaction they
 * stayed invisible to the job's own connections, then were rolled back with the failed start.
 * Jobs run their chunks in transactions of their own anyway.
 */
@Singleton
@Startup
@LocalBean
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchScheduler implements JobConsole, ExportJobs {

    private static final Logger LOG = Logger.getLogger(BatchScheduler.class.getName());

    /** How long after start-up interrupted executions are restarted: once the application is fully up. */
    private static final long RECOVERY_DELAY_MILLIS = 10_000;
    /**
     * How long a server may go without a heartbeat before another restarts its executions:
     * six missed beats (every 20 s), so that a long pause of a live server is not taken for its death.
     */
    static final Duration SILENCE = Duration.ofMinutes(2);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Resource
    TimerService timers;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    private Instant startedAt;
    /** This server's name in the heartbeats: the same after a restart, different on another member. */
    private final String server = serverName();
    /** The executions this JVM started and may still be running: those it gives heartbeats for. */
    private final Set<Long> startedHere = ConcurrentHashMap.newKeySet();

    /** The jobs of META-INF/batch-jobs; only these can be started from the operator's page. */
    static final List<String> JOBS = List.of("option-expiry", "deposit-reminders", "balance-reminders",
            "channel-sync", "photo-cleanup", "export-expiry", "stripe-reconciliation", "security-deposits", "guest-messages", "guest-retention");

    /** The jobs the operator's page lists: those above and the exports owners ask for. */
    static final List<String> LISTED = List.of("option-expiry", "deposit-reminders", "balance-reminders",
            "channel-sync", "photo-cleanup", "export-expiry", "stripe-reconciliation", "security-deposits", "guest-messages", "guest-retention", "dossier-export");

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void recoverAfterStartUp() {
        startedAt = Instant.now();
        try {
            // the job repository's tables are created on the batch runtime's first use: here, at
            // deployment and outside any transaction, rather than by whichever first job start or
            // timer comes, whose rolled-back transaction would take the new tables with it
            BatchRuntime.getJobOperator().getJobNames();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The job repository could not be opened at start-up; the first job tries again", e);
        }
        timers.createSingleActionTimer(RECOVERY_DELAY_MILLIS, new TimerConfig("recover-interrupted", false));
    }

    @Timeout
    void recoverInterrupted() {
        recoverInterruptedExecutions();
    }

    /** Every server says which executions it still runs; one that stops saying it is taken for dead. */
    @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false, info = "job-heartbeat")
    void heartbeat() {
        Set<Long> beating = Set.copyOf(startedHere);
        if (beating.isEmpty()) {
            return;
        }
        try {
            Set<Long> running = new JobRepositoryTables(dataSource).beat(server, beating);
            // only among those beaten now: one started meanwhile has given its first beat itself
            startedHere.removeIf(id -> beating.contains(id) && !running.contains(id));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Job heartbeat failed; the next one tries again", e);
        }
    }

    /** Every server looks for executions a dead member left, not only at its own start. */
    @Schedule(hour = "*", minute = "*", persistent = false, info = "job-recovery")
    void recoverFromDeadMembers() {
        try {
            recoverInterruptedExecutions();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Looking for interrupted job executions failed", e);
        }
    }

    /**
     * Restarts the executions a server stop cut short. A killed server leaves its running
     * executions STARTED in the repository, and Jakarta Batch restarts only FAILED or STOPPED
     * ones: each execution whose server is gone (this server before its restart, or a member
     * silent for {@link #SILENCE}: see {@link JobRepositoryTables#interrupted}) is marked
     * FAILED (exit status {@value JobRepositoryTables#INTERRUPTED}), then restarted with its
     * parameters. The restart skips the steps that completed and reads on from the last
     * committed checkpoint; the writers' database guards make a chunk that was cut off and is
     * done again queue nothing twice. Marking is the claim: of two servers that find the same
     * execution, only the one whose update changed the row restarts it.
     *
     * @return the new executions' ids
     */
    public List<Long> recoverInterruptedExecutions() {
        JobOperator operator = BatchRuntime.getJobOperator();
        JobRepositoryTables repository = new JobRepositoryTables(dataSource);
        List<Long> restarted = new ArrayList<>();
        for (long executionId : repository.interrupted(LISTED, server, startedAt, SILENCE, Set.copyOf(startedHere))) {
            try {
                // also Payara's check that this component started it
                String job = operator.getJobExecution(executionId).getJobName();
                if (!repository.markInterrupted(executionId, Instant.now())) {
                    continue;
                }
                long again = startedHere(operator.restart(executionId, operator.getParameters(executionId)));
                LOG.log(Level.WARNING, "Job {0}: execution {1} was cut short by a server stop, restarted as {2}",
                        new Object[]{job, executionId, again});
                restarted.add(again);
            } catch (RuntimeException e) {
                // one execution that cannot be restarted (e.g. started by an earlier deployment,
                // which Payara refuses to hand over) must not keep the others from restarting
                LOG.log(Level.WARNING, "Execution " + executionId + " was cut short by a server stop and could not be "
                        + "restarted", e);
            }
        }
        return restarted;
    }

    @Schedule(hour = "3", minute = "17", persistent = true, info = "photo-cleanup")
    void nightlyPhotoCleanup() {
        scheduled("photo-cleanup", DAY);
    }

    /**
     * Every five minutes the feeds that are due are synced; each feed is due again
     * sejour.channels.sync-minutes (15 by default) after its last sync, so the operator sets
     * the pace without redeploying.
     */
    @Schedule(hour = "*", minute = "*/5", persistent = true, info = "channel-sync")
    void channelSync() {
        scheduled("channel-sync", FIVE_MINUTES);
    }

    /** Options lapse at midnight in France (the end of their deadline day); a quarter of an hour late at most. */
    @Schedule(hour = "*", minute = "*/15", persistent = true, info = "option-expiry")
    void optionExpiry() {
        scheduled("option-expiry", Duration.ofMinutes(15));
    }

    /** Reminders go out in the morning, French time, once the night's options have lapsed. */
    @Schedule(hour = "9", minute = "0", timezone = "Europe/Paris", persistent = true, info = "deposit-reminders")
    void depositReminders() {
        scheduled("deposit-reminders", DAY);
    }

    @Schedule(hour = "9", minute = "10", timezone = "Europe/Paris", persistent = true, info = "balance-reminders")
    void balanceReminders() {
        scheduled("balance-reminders", DAY);
    }

    /** The owners' scheduled messages: each goes out within five minutes of its moment. */
    @Schedule(hour = "*", minute = "*/5", persistent = true, info = "guest-messages")
    void guestMessages() {
        scheduled("guest-messages", FIVE_MINUTES);
    }

    /** Stripe's payments of the last days against Séjour's records, each night (docs/payments.md). */
    @Schedule(hour = "4", minute = "5", timezone = "Europe/Paris", persistent = true, info = "stripe-reconciliation")
    void stripeReconciliation() {
        scheduled("stripe-reconciliation", DAY);
    }

    /** Security deposits on guests' cards: held, renewed and released in the morning, French time. */
    @Schedule(hour = "8", minute = "30", timezone = "Europe/Paris", persistent = true, info = "security-deposits")
    void securityDeposits() {
        scheduled("security-deposits", DAY);
    }

    /** Guests past their owner's retention are anonymised at night, French time (docs/privacy.md). */
    @Schedule(hour = "3", minute = "50", timezone = "Europe/Paris", persistent = true, info = "guest-retention")
    void guestRetention() {
        scheduled("guest-retention", DAY);
    }

    /** Exports are kept for a day; an hourly sweep keeps them not much longer. */
    @Schedule(hour = "*", minute = "41", persistent = true, info = "export-expiry")
    void exportExpiry() {
        scheduled("export-expiry", Duration.ofHours(1));
    }

    @Override
    public long startDossierExport(long exportId) {
        Properties parameters = new Properties();
        parameters.setProperty("exportId", Long.toString(exportId));
        return start("dossier-export", parameters);
    }

    @Override
    public long startDossierExport(long exportId, int rowsPerChunk) {
        if (rowsPerChunk < 1) {
            throw new IllegalArgumentException("a chunk is one row or more");
        }
        Properties parameters = new Properties();
        parameters.setProperty("exportId", Long.toString(exportId));
        parameters.setProperty("chunkSize", Integer.toString(rowsPerChunk));
        return start("dossier-export", parameters);
    }

    /**
     * A timer's firing: every member of a Deployment Group has the timers, and the first to claim
     * the period (table timer_firing) starts the job; on one server that is always this one.
     */
    private void scheduled(String jobName, Duration period) {
        try {
            if (!new TimerFirings(dataSource).claim(jobName, period, server)) {
                LOG.log(Level.FINE, "Job {0}: another member runs this period''s firing", jobName);
                return;
            }
        } catch (RuntimeException e) {
            // the database is unreachable: the job could not run anyway; the next firing tries again
            LOG.log(Level.WARNING, "Job " + jobName + " not started: its firing could not be claimed", e);
            return;
        }
        start(jobName, new Properties());
    }

    /** Starts a job now; for the operator's "run now", the tests, and the timers once claimed. */
    public long start(String jobName, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        long executionId = startedHere(operator.start(jobName, parameters));
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
                List<JobExecution> runs = operator.getJobExecutions(instance);
                runs.forEach(e -> executions.add(summary(operator, e, runs)));
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
        return summary(operator, operator.getJobExecution(executionId),
                operator.getJobExecutions(operator.getJobInstance(executionId)));
    }

    @Override
    public long restart(long executionId) {
        JobOperator operator = BatchRuntime.getJobOperator();
        JobExecution execution = operator.getJobExecution(executionId);
        if (!JOBS.contains(execution.getJobName()) || !restartable(execution,
                operator.getJobExecutions(operator.getJobInstance(executionId)))) {
            throw new InvalidInputException("executionId", "jobs.notRestartable");
        }
        long again = startedHere(operator.restart(executionId, operator.getParameters(executionId)));
        LOG.log(Level.INFO, "Job {0}: execution {1} restarted as {2}", new Object[]{execution.getJobName(), executionId, again});
        return again;
    }

    /** Remembers an execution this server started, with its first heartbeat at once. */
    private long startedHere(long executionId) {
        startedHere.add(executionId);
        try {
            new JobRepositoryTables(dataSource).beat(server, List.of(executionId));
        } catch (RuntimeException e) {
            // the timer's next beat records it
            LOG.log(Level.WARNING, "First heartbeat of execution " + executionId + " failed", e);
        }
        return executionId;
    }

    /** This server's name for the heartbeats. */
    public String server() {
        return server;
    }

    private static String serverName() {
        String instance = System.getProperty("com.sun.aas.instanceName", "server");
        try {
            return instance + "@" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return instance + "@" + System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
    }

    /** Failed or stopped, and the latest run of its job instance (Jakarta Batch restarts only that one). */
    private static boolean restartable(JobExecution execution, List<JobExecution> runsOfInstance) {
        return (execution.getBatchStatus() == BatchStatus.FAILED || execution.getBatchStatus() == BatchStatus.STOPPED)
                && runsOfInstance.stream().noneMatch(e -> e.getExecutionId() > execution.getExecutionId());
    }

    /** The execution of the same job instance that {@code execution} restarted, if any. */
    private static Long previous(List<JobExecution> runsOfInstance, JobExecution execution) {
        return runsOfInstance.stream().map(JobExecution::getExecutionId)
                .filter(id -> id < execution.getExecutionId())
                .max(Long::compare).orElse(null);
    }

    private static JobExecutionSummary summary(JobOperator operator, JobExecution execution,
                                               List<JobExecution> runsOfInstance) {
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
                totals.getOrDefault(Metric.MetricType.COMMIT_COUNT, 0L), previous(runsOfInstance, execution),
                restartable(execution, runsOfInstance));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
