package cn.fpjc.app.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.tx.DeadlockRetry;
import cn.fpjc.core.platform.error.Deadlocks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real InnoDB deadlocks (two connections locking rows in opposite order) against a {@code @Transactional} service: the
 * retry around the transaction boundary runs the victim again and it succeeds; a deadlock on every attempt gives up with
 * DATABASE_BUSY after the configured attempts (5). A Galera certification failure reaches the app as this same error.
 */
@QuarkusTest
class TransactionRetryTest {
    @Inject
    DeadlockProbe probe;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void table() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + DeadlockProbe.TABLE);
            st.execute("CREATE TABLE " + DeadlockProbe.TABLE + " (id INT PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB");
            st.execute("INSERT INTO " + DeadlockProbe.TABLE + " WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 12)"
                    + " SELECT i, 0 FROM s");
        }
        probe.reset();
    }

    @AfterEach
    void drop() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + DeadlockProbe.TABLE);
        }
    }

    @Test
    void aDeadlockedTransactionIsRunAgainAndCommits() throws Exception {
        assertEquals(2, probe.lockOneThenTwo(1), "the second attempt commits");
        // The opponent's transaction committed once (rows 1..12), the probe's once (rows 1 and 2): nothing twice.
        assertEquals(2, n(1));
        assertEquals(2, n(2));
        assertEquals(1, n(3));
    }

    @Test
    void aDeadlockAtCommitIsRunAgainToo() throws Exception {
        assertEquals(3, probe.lockTwoAtCommit(2));
        assertEquals(3, n(1), "two opponents and the probe's one committed attempt");
        assertEquals(3, n(2));
    }

    @Test
    void aDeadlockOnEveryAttemptGivesUpWithDatabaseBusy() {
        DeadlockRetry.GaveUp e = assertThrows(DeadlockRetry.GaveUp.class, () -> probe.lockOneThenTwo(Integer.MAX_VALUE));
        assertEquals(5, probe.attempts());
        assertEquals(PlatformError.DATABASE_BUSY, e.code());
        assertTrue(e.humanMessage().contains("已自动重试5次"), e.humanMessage());
        assertEquals("DeadlockProbe.lockOneThenTwo", e.where());
        assertTrue(Deadlocks.isDeadlock(e.getCause()), "the last deadlock is the cause");
        try {
            assertEquals(5, n(1), "only the five opponents' writes: every probe attempt was rolled back");
        } catch (SQLException ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void aTransactionJoiningItsCallersIsRetriedOnlyAtTheCallersBoundary() throws Exception {
        // QuarkusTransaction's own boundary is not intercepted: the inner @Transactional joins and must not retry alone.
        DeadlockRetry retry = new DeadlockRetry(3, 1, millis -> { });
        int attempt = retry.call("outer", () -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> probe.lockOneThenTwo(1)));
        assertEquals(2, attempt, "the inner method ran once per outer attempt");
        assertEquals(2, n(1));
    }

    private int n(int id) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT n FROM " + DeadlockProbe.TABLE + " WHERE id = " + id)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
