package org.sejour.application.job;

import java.io.Serializable;
import java.time.Instant;

/**
 * One run of a job: its batch status and exit status, and the items its steps read, wrote,
 * filtered and skipped, summed over the steps; {@code restartOf} is the execution of the same
 * job instance it restarted (after a failure or a server stop), null for a first run;
 * {@code restartable}: it failed or was stopped and nothing restarted it yet.
 */
public record JobExecutionSummary(long executionId, String jobName, Instant createdAt, Instant startedAt,
                                  Instant endedAt, String status, String exitStatus, long readCount, long writeCount,
                                  long filterCount, long skipCount, long commitCount, Long restartOf,
                                  boolean restartable) implements Serializable {

    public boolean isFinished() {
        return endedAt != null;
    }
}
