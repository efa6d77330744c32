package cn.fpjc.core.platform.jobs;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One thread beside a long piece of work, for work that overlaps its own: an import loads one chunk of rows while its
 * worker reads the next; the 台账 export writes one batch into the workbook while the request reads the next. Owned by
 * that work: {@link #close} waits for the last task, so whoever cleans up afterwards sees everything that task did. Not
 * a pool of its own: one task at a time, in order.
 */
public final class SideThread implements AutoCloseable {
    private final ExecutorService executor;

    public SideThread(String name) {
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> Future<T> submit(Callable<T> task) {
        return executor.submit(task);
    }

    /** Stops taking tasks and waits for the one running (a task is expected to take seconds, not minutes). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                // keep waiting rather than leave the task running behind the job's cleanup
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
