package cn.fpjc.core.platform.jobs;

/** Background work that did not get done, with the reason people read in the list of runs (Chinese). */
public class JobFailedException extends Exception {
    public JobFailedException(String reason) {
        super(reason);
    }
}
