package org.sejour.interfaces.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts Séjour's jobs. Timers are persistent so that, in a cluster, each firing runs on one
 * server only; jobs are started from this module because Jakarta Batch refuses to query a
 * job from another module than the one that started it.
 */
@Singleton
public class BatchScheduler {

    private static final Logger LOG = Logger.getLogger(BatchScheduler.class.getName());

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

    /** For the operator's "run now". */
    public long start(String jobName, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        long executionId = operator.start(jobName, parameters);
        LOG.log(Level.INFO, "Job {0} started, execution {1}", new Object[]{jobName, executionId});
        return executionId;
    }
}
