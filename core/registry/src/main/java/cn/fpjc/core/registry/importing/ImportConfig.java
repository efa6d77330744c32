package cn.fpjc.core.registry.importing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Settings of the registry import. */
@ConfigMapping(prefix = "fpjc.import")
public interface ImportConfig {
    /** Where uploaded files wait for their worker; each is deleted once read (it holds ID numbers in clear). */
    @WithDefault("${java.io.tmpdir}/fpjc-imports")
    Path workDirectory();

    /** Imports checked or written at the same time by this process; more wait in a queue. */
    @WithDefault("2")
    int threads();

    /** Days a finished job's staged rows (and so its result report) are kept, and a checked job awaits confirmation. */
    @WithDefault("30")
    int keepDays();

    /** When {@link ImportStagingPurgeJob} runs (Quartz cron, Beijing time): jobs past {@link #keepDays()}, purged jobs' rows. */
    @WithDefault("0 50 2 * * ?")
    String stagingPurgeCron();

    /**
     * Rows one county may keep in staging (all its unpurged jobs' rows together). Finished jobs are purged, oldest first,
     * to make room, at upload and again while a file is read (then written and failed jobs only); a purged job no longer
     * counts, and its rows are deleted by the import's background work or the nightly {@link ImportStagingPurgeJob}. When
     * jobs waiting for confirmation hold the rest an upload is refused, and when those, running or rejected jobs do, a
     * file that would pass the limit fails at that row.
     */
    @WithDefault("2000000")
    long maxStagedRows();

    /**
     * Stage rows by {@code LOAD DATA LOCAL} from the app's own stream (issue 17: several times faster than INSERTs). Where the
     * server has {@code local_infile} off the import uses multi-row INSERTs by itself; set this to false where something
     * between the app and the server (a proxy) does not pass {@code LOAD DATA LOCAL}.
     */
    @WithDefault("true")
    boolean bulkLoad();
}
