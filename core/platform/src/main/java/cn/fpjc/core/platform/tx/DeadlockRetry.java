package cn.fpjc.core.platform.tx;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.Deadlocks;
import cn.fpjc.core.platform.error.PlatformError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs a whole transaction again when the database rolled it back as a deadlock or, on Galera, a certification
 * conflict ({@link Deadlocks}): a bounded number of attempts with a short jittered, growing pause, then
 * {@link GaveUp} (503 DATABASE_BUSY). Only a transaction boundary may be retried: the work must begin and end its
 * transaction inside the call, as at {@link RetryOnDeadlockRequired} and {@link RetryOnDeadlockRequiresNew}, or around
 * {@code QuarkusTransaction.requiringNew()}. Anything else that fails is thrown at once.
 */
@ApplicationScoped
public class DeadlockRetry {
    private static final Logger LOG = Logger.getLogger(DeadlockRetry.class);

    /** What waits between attempts; tests count the pauses instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    /** The last attempt also failed: the caller answers 503 and may try again later. */
    public static class GaveUp extends ApiException {
        private final String where;

        public GaveUp(String where, int attempts, Throwable last) {
            // The person reads how often it was tried; the log and this exception say where.
            super(PlatformError.DATABASE_BUSY, "已自动重试" + attempts + "次");
            this.where = where;
            initCause(last);
        }

        /** The transaction boundary that gave up, e.g. {@code HouseholdService.update}. */
        public String where() {
            return where;
        }
    }

    @ConfigProperty(name = "fpjc.db.deadlock-retry.attempts", defaultValue = "5")
    int attempts;

    @ConfigProperty(name = "fpjc.db.deadlock-retry.backoff-millis", defaultValue = "20")
    long backoffMillis;

    Pause pause = Thread::sleep;

    public DeadlockRetry() {
    }

    /** For tests and code outside CDI. */
    public DeadlockRetry(int attempts, long backoffMillis, Pause pause) {
        this.attempts = attempts;
        this.backoffMillis = backoffMillis;
        this.pause = pause;
    }

    /** Runs {@code transaction} (which begins and ends its own transaction) until it is not refused as a deadlock. */
    public <T> T call(String where, Callable<T> transaction) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.call();
            } catch (Exception e) {
                if (!Deadlocks.isDeadlock(e)) {
                    throw e;
                }
                if (attempt >= attempts) {
                    LOG.warnf("%s: still refused as a deadlock or certification conflict after %d attempts, giving up", where, attempt);
                    throw new GaveUp(where, attempt, e);
                }
                long wait = delay(attempt);
                LOG.debugf("%s: deadlock or certification conflict on attempt %d, again in %d ms", where, attempt, wait);
                pause.sleep(wait);
            }
        }
    }

    /** The same, for work that throws no checked exception (a {@code QuarkusTransaction} call). */
    public <T> T run(String where, java.util.function.Supplier<T> transaction) {
        try {
            return call(where, transaction::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Doubling from the base, jittered by ±50% so that two colliding writers do not collide again in step; the doubling stops at 1 s (so a pause is at most 1.5 s). */
    long delay(int attempt) {
        long base = Math.min(1000, backoffMillis << Math.min(attempt - 1, 10));
        return base / 2 + ThreadLocalRandom.current().nextLong(base + 1);
    }
}
