package cn.fpjc.core.platform.jobs;

/** Work started by a person (an import, an on-demand check), run by {@link BackgroundJobs#submit}. */
@FunctionalInterface
public interface BackgroundTask {
    /**
     * Does the work; returns an optional note for the run (Chinese), or throws {@link JobFailedException} with the
     * reason it did not get done.
     */
    String run() throws Exception;
}
