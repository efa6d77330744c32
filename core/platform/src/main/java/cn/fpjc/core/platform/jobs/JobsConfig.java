package cn.fpjc.core.platform.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the background-work mechanism ({@code fpjc.jobs.*}). */
@ConfigMapping(prefix = "fpjc.jobs")
public interface JobsConfig {
    /** How often a replica marks its running work alive (read by the schedule of {@code BackgroundJobs.beat}). */
    @WithDefault("15s")
    String heartbeat();

    /** How often a replica looks for interrupted runs (read by the schedule of {@code BackgroundJobs.sweep}). */
    @WithDefault("30s")
    String sweep();

    /** A run whose heartbeat is older than this was interrupted (its process died); it is resumed or marked failed. */
    @WithDefault("2m")
    Duration staleAfter();

    /** How many times an interrupted scheduled run is started in all before it is marked failed. */
    @WithDefault("2")
    int maxAttempts();

    /**
     * This replica's stable name (default: host name and HTTP port). Runs left RUNNING by an earlier process of the same
     * name are taken for interrupted at once when it starts again, without waiting for their heartbeat to go stale.
     */
    Optional<String> node();
}
