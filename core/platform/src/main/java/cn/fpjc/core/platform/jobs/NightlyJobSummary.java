package cn.fpjc.core.platform.jobs;

import java.time.Instant;

/**
 * One county's nightly job as the platform's operators see it: its latest scheduled run (null fields when it never ran
 * there) and its failed scheduled runs of the last days ({@link BackgroundJobs#nightlySummary}).
 */
public record NightlyJobSummary(String county, String job, String jobLabel, Instant lastSlot, String lastStatus, String lastStatusLabel,
        Instant lastStartedAt, Instant lastFinishedAt, int lastAttempts, String lastMessage, int recentFailures, Instant lastFailureAt,
        String lastFailureMessage) {
    /** Whether any scheduled run of the window failed. */
    public boolean failing() {
        return recentFailures > 0;
    }
}
