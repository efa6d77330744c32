package cn.fpjc.core.platform.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.core.platform.error.Deadlocks;
import cn.fpjc.core.platform.error.PlatformError;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadlockRetryTest {
    static SQLException deadlock() {
        return new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
    }

    @Test
    void findsTheDeadlockWhereverTheLayersPutIt() {
        assertTrue(Deadlocks.isDeadlock(deadlock()));
        // Hibernate: a cause; Narayana at commit: a suppressed exception of the RollbackException.
        assertTrue(Deadlocks.isDeadlock(new RuntimeException("could not execute statement", deadlock())));
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new IllegalStateException("xa", deadlock()));
        assertTrue(Deadlocks.isDeadlock(rollback));
        // Galera's certification failure is the same code; some drivers give only the state.
        assertTrue(Deadlocks.isDeadlock(new SQLException("WSREP detected deadlock/conflict and aborted the transaction", "40001", 0)));
        assertFalse(Deadlocks.isDeadlock(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)));
        assertFalse(Deadlocks.isDeadlock(new SQLException("Lock wait timeout exceeded", "HY000", 1205)));
        assertFalse(Deadlocks.isDeadlock(new SQLException("Communications link failure", "08S01", 0)));
        assertFalse(Deadlocks.isDeadlock(null));
    }

    @Test
    void aDeadlockIsRunAgainWithGrowingJitteredPauses() throws Exception {
        List<Long> pauses = new ArrayList<>();
        DeadlockRetry retry = new DeadlockRetry(5, 20, pauses::add);
        AtomicInteger calls = new AtomicInteger();
        String result = retry.call("test", () -> {
            if (calls.incrementAndGet() < 4) {
                throw new RuntimeException(deadlock());
            }
            return "saved";
        });
        assertEquals("saved", result);
        assertEquals(4, calls.get());
        assertEquals(3, pauses.size());
        for (int i = 0; i < pauses.size(); i++) {
            long base = 20L << i;
            assertTrue(pauses.get(i) >= base / 2 && pauses.get(i) <= base / 2 + base, "pause " + i + ": " + pauses.get(i));
        }
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheDatabaseBusyError() {
        AtomicInteger calls = new AtomicInteger();
        SQLException last = deadlock();
        DeadlockRetry retry = new DeadlockRetry(3, 1, millis -> { });
        DeadlockRetry.GaveUp e = assertThrows(DeadlockRetry.GaveUp.class, () -> retry.call("HouseholdService.update", () -> {
            calls.incrementAndGet();
            throw new RuntimeException(last);
        }));
        assertEquals(3, calls.get());
        assertEquals(PlatformError.DATABASE_BUSY, e.code());
        assertEquals(503, e.code().status());
        assertTrue(e.humanMessage().startsWith("数据库繁忙") && e.humanMessage().contains("已自动重试3次"), e.humanMessage());
        assertEquals("HouseholdService.update", e.where());
        assertSame(last, e.getCause().getCause());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        DeadlockRetry retry = new DeadlockRetry(5, 1, millis -> { });
        IllegalArgumentException refused = new IllegalArgumentException("bad input");
        assertSame(refused, assertThrows(IllegalArgumentException.class, () -> retry.call("x", () -> {
            calls.incrementAndGet();
            throw refused;
        })));
        assertEquals(1, calls.get());
    }

    @Test
    void pausesStayBelowASecond() {
        DeadlockRetry retry = new DeadlockRetry(50, 20, millis -> { });
        for (int attempt = 1; attempt < 50; attempt++) {
            assertTrue(retry.delay(attempt) <= 1500, "attempt " + attempt);
        }
    }
}
