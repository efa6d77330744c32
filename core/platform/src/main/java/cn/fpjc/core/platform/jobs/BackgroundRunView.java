package cn.fpjc.core.platform.jobs;

import java.time.Instant;

/** One background run as the county's admins see it. */
public record BackgroundRunView(long id, String job, String jobLabel, String trigger, String triggerLabel, String actor, String ref,
        String status, String statusLabel, Instant slot, Instant startedAt, Instant heartbeatAt, Instant finishedAt, int attempts,
        String message) {
}
