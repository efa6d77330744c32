package cn.fpjc.app.tx;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service whose transaction can be made to deadlock for real on MariaDB: it locks row 1 and then row 2 of
 * {@code zz_deadlock_probe}, while an {@link Opponent} holding row 2 (and ten more, so InnoDB picks this lighter
 * transaction as the victim) waits for row 1. The opponent takes part in the first {@code deadlocks} attempts only.
 */
@ApplicationScoped
public class DeadlockProbe {
    static final String TABLE = "zz_deadlock_probe";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry synchronizations;

    private final AtomicInteger attempts = new AtomicInteger();

    /** Through methods, not the field: the test holds a client proxy, whose own fields are not the bean's. */
    public int attempts() {
        return attempts.get();
    }

    public void reset() {
        attempts.set(0);
    }

    /** Deadlocks in a statement of the method body, in the first {@code deadlocks} attempts. */
    @Transactional
    public int lockOneThenTwo(int deadlocks) throws Exception {
        int attempt = attempts.incrementAndGet();
        try (Connection c = dataSource.getConnection()) {
            update(c, 1);
            if (attempt <= deadlocks) {
                try (Opponent opponent = Opponent.holdingTwo(dataSource)) {
                    opponent.waitForOne();
                    update(c, 2);
                }
            } else {
                update(c, 2);
            }
        }
        return attempt;
    }

    /**
     * Deadlocks at commit, as Hibernate's flush or a Galera certification failure would: the second row is written in
     * the transaction's beforeCompletion, so the failure comes out of Narayana's commit, not out of the method body.
     */
    @Transactional
    public int lockTwoAtCommit(int deadlocks) throws Exception {
        int attempt = attempts.incrementAndGet();
        try (Connection c = dataSource.getConnection()) {
            update(c, 1);
        }
        Opponent opponent = attempt <= deadlocks ? Opponent.holdingTwo(dataSource) : null;
        if (opponent != null) {
            opponent.waitForOne();
        }
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // The same enlisted connection as the method body's.
                try (Connection c = dataSource.getConnection()) {
                    update(c, 2);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } finally {
                    if (opponent != null) {
                        opponent.close();
                    }
                }
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
        return attempt;
    }

    /** One row's update; a refusal comes out unchecked, as from Hibernate, so that the transaction is rolled back. */
    static void update(Connection c, int id) {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE " + TABLE + " SET n = n + 1 WHERE id = " + id);
        } catch (SQLException e) {
            throw new IllegalStateException("update of row " + id, e);
        }
    }

    /**
     * Another transaction, on its own thread and connection (outside the probe's JTA transaction): holds rows 2..12,
     * then asks for row 1 and commits once it gets it.
     */
    static final class Opponent implements AutoCloseable {
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch go = new CountDownLatch(1);
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        static Opponent holdingTwo(AgroalDataSource dataSource) throws InterruptedException {
            Opponent o = new Opponent();
            new Thread(() -> o.run(dataSource), "deadlock-opponent").start();
            if (!o.holding.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the opponent did not get its rows");
            }
            return o;
        }

        private void run(AgroalDataSource dataSource) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("UPDATE " + TABLE + " SET n = n + 1 WHERE id BETWEEN 2 AND 12");
                }
                holding.countDown();
                go.await();
                update(c, 1);
                c.commit();
                c.setAutoCommit(true);
                done.complete(null);
            } catch (Throwable e) {
                holding.countDown();
                done.completeExceptionally(e);
            }
        }

        /** Asks for row 1 (held by the probe) and returns once the request is waiting for it. */
        void waitForOne() throws InterruptedException {
            go.countDown();
            // Long enough for the UPDATE to reach InnoDB and wait on the lock.
            Thread.sleep(300);
        }

        @Override
        public void close() {
            // Once the probe's transaction was chosen as the deadlock's victim and rolled back, the opponent gets row 1.
            try {
                done.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the opponent did not commit", e);
            }
        }
    }
}
