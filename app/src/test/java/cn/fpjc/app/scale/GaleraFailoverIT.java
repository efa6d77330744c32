package cn.fpjc.app.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.fpjc.app.support.PackagedApp;
import cn.fpjc.core.platform.error.Deadlocks;
import cn.fpjc.embedded.LocalKeys;
import cn.fpjc.embedded.LocalRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The app on a 3-node MariaDB Galera cluster (infra/galera/cluster.sh, Debian's galera-4) behind HAProxy
 * (infra/galera/haproxy.cfg: node 1 active, nodes 2 and 3 backups), and node 1 killed with SIGKILL during writes.
 *
 * <ol>
 * <li>The packaged app starts on the cluster and onboards the demo counties: every control and county changelog applies.
 * Afterwards no table in those databases lacks a primary key and every one is InnoDB (Galera replicates only InnoDB,
 * and needs keys to apply row events).</li>
 * <li>Galera reports a certification conflict between two nodes as the deadlock error the app's retry looks for.</li>
 * <li>Five JDBC writers (one on each node, two through HAProxy) insert rows in autocommit while node 1 is killed; every
 * insert that returned without an exception — including those acknowledged by node 1 just before it died — is on both
 * surviving nodes afterwards.</li>
 * <li>The app, whose pooled connections went to node 1, answers a login (a locking transaction on the control database)
 * and a county read again after a short pause, which is measured and printed, and then takes a write.</li>
 * <li>Node 1 is restarted and rejoins with every write it missed.</li>
 * </ol>
 * Skipped, with the reason, where mariadbd, galera-4, rsync or haproxy is not installed.
 */
class GaleraFailoverIT {
    static final Path JAR = PackagedApp.JAR;
    static final Path SCRIPT = Path.of("..", "infra", "galera", "cluster.sh").toAbsolutePath().normalize();
    static final String PROBE_DB = "fpjc_galera_probe";
    static final String CONTROL_DB = "fpjc_control_galera";
    static final String COUNTY = "410225";
    /** A township the app creates before the kill; its villages are the app's writes after it. */
    static final String TOWNSHIP = COUNTY + "198000";
    static final Duration WRITE_PHASE = Duration.ofSeconds(24);
    static final Duration KILL_AFTER = Duration.ofSeconds(8);

    @Test
    void acknowledgedWritesSurviveANodeKillAndTheAppServesAgain() throws Exception {
        assumeInstalled();
        assertTrue(Files.exists(JAR), "package the app first (mvn verify runs this after package): " + JAR.toAbsolutePath());
        long started = System.nanoTime();
        // Under /tmp, not target/: run as root, the nodes run as the mysql account, which must be able to enter every
        // parent directory, and a checkout may sit where others may not (/root).
        Path work = Files.createTempDirectory(Path.of(System.getProperty("fpjc.galera.dir", "/tmp")), "fpjc-galera-it");
        Map<String, String> env = clusterEnv(work);
        int[] nodePorts = {Integer.parseInt(env.get("GALERA_SQL_PORT")), Integer.parseInt(env.get("GALERA_SQL_PORT")) + 1,
                Integer.parseInt(env.get("GALERA_SQL_PORT")) + 2};
        int lbPort = Integer.parseInt(env.get("GALERA_LB_PORT"));
        Thread cleanupOnExit = new Thread(() -> script(env, Duration.ofSeconds(60), "stop"), "galera-it-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        Process app = null;
        Path appLog = work.resolve("app.log");
        try {
            script(env, Duration.ofSeconds(180), "start");
            script(env, Duration.ofSeconds(60), "lb-start");
            System.out.printf("GaleraFailoverIT: cluster and HAProxy up in %d s%n", seconds(started));

            // 1. The app on the cluster, through HAProxy; the demo counties are onboarded, every changelog applied.
            long appStart = System.nanoTime();
            app = launchApp(work, lbPort, appLog);
            PackagedApp.awaitReady("the app", app, "http://127.0.0.1:" + appPort, appLog, Duration.ofMinutes(4));
            System.out.printf("GaleraFailoverIT: app ready on the cluster in %d s%n", seconds(appStart));
            try (Connection c = connect(nodePorts[1], "")) {
                checkSchemas(c);
            }

            // 2. A certification conflict between two nodes reaches the client as a deadlock (1213 / 40001).
            try (Connection c = connect(nodePorts[0], "")) {
                exec(c, "CREATE DATABASE " + PROBE_DB);
            }
            try (Connection a = connect(nodePorts[0], ""); Connection b = connect(nodePorts[1], "")) {
                certificationConflict(a, b);
            }

            // 3. Writers on every path while node 1 dies; the app is probed at the same time.
            try (Connection c = connect(nodePorts[0], "")) {
                exec(c, "CREATE TABLE " + PROBE_DB + ".acked (id BIGINT PRIMARY KEY, writer VARCHAR(16) NOT NULL) ENGINE=InnoDB");
            }
            String token = login();
            Answer township = http("POST", "/api/counties/" + COUNTY + "/org-units", token, "{\"code\":\"" + TOWNSHIP + "\",\"name\":\"故障切换镇\"}");
            assertEquals(201, township.status, "an app write before the kill: " + township.body);
            List<Writer> writers = List.of(new Writer(1, "node1", nodePorts[0]), new Writer(2, "node2", nodePorts[1]),
                    new Writer(3, "node3", nodePorts[2]), new Writer(4, "haproxy-a", lbPort), new Writer(5, "haproxy-b", lbPort));
            long writeEnd = System.nanoTime() + WRITE_PHASE.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (Writer w : writers) {
                Thread t = new Thread(() -> w.run(writeEnd), "writer-" + w.name);
                t.start();
                threads.add(t);
            }
            Thread.sleep(KILL_AFTER.toMillis());
            // SIGKILL from here rather than through `cluster.sh kill 1`, so that the pause is timed from the very moment.
            long pid = Long.parseLong(Files.readString(work.resolve("node1").resolve("mariadbd.pid")).strip());
            ProcessHandle node1 = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("node 1 (pid " + pid + ") is not running"));
            node1.destroyForcibly();
            long killedAt = System.nanoTime();
            node1.onExit().get(10, TimeUnit.SECONDS);
            AppProbe probe = new AppProbe(token, killedAt);
            probe.runUntilServed(Duration.ofSeconds(90));
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(60));
            }

            // Every acknowledged write is on both survivors (read after they applied everything: wsrep_sync_wait).
            Set<Long> acked = new HashSet<>();
            writers.forEach(w -> acked.addAll(w.acked));
            for (int port : new int[] {nodePorts[1], nodePorts[2]}) {
                try (Connection c = connect(port, "")) {
                    exec(c, "SET SESSION wsrep_sync_wait = 1");
                    Set<Long> present = longs(c, "SELECT id FROM " + PROBE_DB + ".acked");
                    Set<Long> missing = new HashSet<>(acked);
                    missing.removeAll(present);
                    assertTrue(missing.isEmpty(), "node on port " + port + " lacks " + missing.size() + " acknowledged writes, e.g. "
                            + missing.stream().limit(10).toList());
                    Set<Long> unacknowledged = new HashSet<>(present);
                    unacknowledged.removeAll(acked);
                    System.out.printf("GaleraFailoverIT: port %d holds all %d acknowledged writes (+%d committed whose answer was lost)%n",
                            port, acked.size(), unacknowledged.size());
                }
            }
            for (Writer w : writers) {
                System.out.printf("GaleraFailoverIT: writer %-9s acknowledged %5d (%5d after the kill), failed %3d; longest wait for an"
                        + " acknowledgement after the kill %s%n", w.name, w.acked.size(), w.ackedAfter(killedAt), w.failures.get(),
                        w.name.equals("node1") ? "-" : String.format("%.2f s", w.longestGapAfter(killedAt) / 1e9));
                assertTrue(w.acked.size() > 0, w.name + " wrote nothing");
            }
            for (Writer w : writers.subList(1, writers.size())) {
                assertTrue(w.ackedAfter(killedAt) > 0, w.name + " took no write after the kill");
            }

            // 4. The app served again; the pause is the figure to report.
            assertTrue(probe.loginAt > 0 && probe.readAt > 0 && probe.writeAt > 0, "the app did not serve again within 90 s of the kill: "
                    + probe.lastFailure);
            long writeAgain = writers.stream().filter(w -> w.name.startsWith("haproxy")).mapToLong(w -> w.longestGapAfter(killedAt))
                    .max().orElse(0);
            System.out.printf("GaleraFailoverIT: failover pause after kill -9 of the active node: JDBC writes through HAProxy %.2f s, "
                    + "app login %s, app county read %s, app write %s (%d failed app requests meanwhile)%n", writeAgain / 1e9,
                    pause(probe.loginAt, killedAt), pause(probe.readAt, killedAt), pause(probe.writeAt, killedAt), probe.failures.get());
            appWrote(probe.village, nodePorts);

            // 5. The killed node comes back (cluster.sh restart: incremental state transfer) with everything it missed.
            long rejoin = System.nanoTime();
            script(env, Duration.ofSeconds(150), "restart", "1");
            try (Connection c = connect(nodePorts[0], "")) {
                exec(c, "SET SESSION wsrep_sync_wait = 1");
                Set<Long> missing = new HashSet<>(acked);
                missing.removeAll(longs(c, "SELECT id FROM " + PROBE_DB + ".acked"));
                assertTrue(missing.isEmpty(), "the restarted node lacks " + missing.size() + " acknowledged writes");
                assertEquals(List.of("3"), strings(c, "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                        + " WHERE VARIABLE_NAME = 'WSREP_CLUSTER_SIZE'"), "cluster size after the rejoin");
            }
            System.out.printf("GaleraFailoverIT: node 1 rejoined and caught up in %d s%n", seconds(rejoin));
            System.out.printf("GaleraFailoverIT: whole test %d s%n", seconds(started));
        } catch (AssertionError | Exception e) {
            if (Files.exists(appLog)) {
                System.out.println("---- app log (tail)");
                List<String> lines = Files.readAllLines(appLog);
                lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(System.out::println);
            }
            for (int n = 1; n <= 3; n++) {
                Path log = work.resolve("node" + n).resolve("error.log");
                if (Files.exists(log)) {
                    System.out.println("---- node" + n + " error.log (tail)");
                    List<String> lines = Files.readAllLines(log);
                    lines.subList(Math.max(0, lines.size() - 25), lines.size()).forEach(System.out::println);
                }
            }
            throw e;
        } finally {
            if (app != null && app.isAlive()) {
                app.destroy();
                if (!app.waitFor(30, TimeUnit.SECONDS)) {
                    app.destroyForcibly().waitFor();
                }
            }
            script(env, Duration.ofSeconds(120), "stop");
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
            deleteTree(work);
        }
    }

    // ---- the schema on Galera

    private static void checkSchemas(Connection c) throws SQLException {
        List<String> databases = strings(c, "SELECT database_name FROM " + CONTROL_DB + ".tenant WHERE status = 'ACTIVE'");
        assertTrue(databases.size() >= 5, "demo counties onboarded on the cluster: " + databases);
        databases.add(CONTROL_DB);
        String in = "('" + String.join("','", databases) + "')";
        List<String> noKey = strings(c, "SELECT CONCAT(t.table_schema, '.', t.table_name) FROM information_schema.tables t"
                + " WHERE t.table_type = 'BASE TABLE' AND t.table_schema IN " + in + " AND NOT EXISTS (SELECT 1 FROM"
                + " information_schema.table_constraints k WHERE k.table_schema = t.table_schema AND k.table_name = t.table_name"
                + " AND k.constraint_type = 'PRIMARY KEY')");
        assertEquals(List.of(), noKey, "tables without a primary key (Galera applies row events by key)");
        List<String> notInnoDb = strings(c, "SELECT CONCAT(table_schema, '.', table_name, ' ', engine) FROM information_schema.tables"
                + " WHERE table_type = 'BASE TABLE' AND table_schema IN " + in + " AND engine <> 'InnoDB'");
        assertEquals(List.of(), notInnoDb, "tables Galera would not replicate");
        long tables = longs(c, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema IN " + in).iterator().next();
        System.out.printf("GaleraFailoverIT: %d databases, %d tables, all InnoDB with a primary key%n", databases.size(), tables);
    }

    private static void certificationConflict(Connection a, Connection b) throws SQLException {
        exec(a, "CREATE TABLE " + PROBE_DB + ".conflict (id INT PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB");
        exec(a, "INSERT INTO " + PROBE_DB + ".conflict VALUES (1, 0)");
        exec(b, "SET SESSION wsrep_sync_wait = 1");
        longs(b, "SELECT n FROM " + PROBE_DB + ".conflict");
        a.setAutoCommit(false);
        b.setAutoCommit(false);
        exec(a, "UPDATE " + PROBE_DB + ".conflict SET n = n + 1 WHERE id = 1");
        exec(b, "UPDATE " + PROBE_DB + ".conflict SET n = n + 10 WHERE id = 1");
        a.commit();
        try {
            b.commit();
            fail("the second node's conflicting commit was accepted");
        } catch (SQLException e) {
            assertTrue(Deadlocks.isDeadlock(e), "a certification failure is reported as a deadlock: " + e.getErrorCode() + " "
                    + e.getSQLState() + " " + e.getMessage());
            System.out.printf("GaleraFailoverIT: certification conflict reported as %d / %s: %s%n", e.getErrorCode(), e.getSQLState(),
                    e.getMessage());
        }
        b.rollback();
        a.setAutoCommit(true);
        b.setAutoCommit(true);
    }

    // ---- writers

    static final class Writer {
        final int index;
        final String name;
        final int port;
        final Set<Long> acked = ConcurrentHashMap.newKeySet();
        final AtomicLong failures = new AtomicLong();
        /** When each acknowledgement came (System.nanoTime), in order; read once the writer's thread has ended. */
        final List<Long> ackTimes = new ArrayList<>();

        Writer(int index, String name, int port) {
            this.index = index;
            this.name = name;
            this.port = port;
        }

        void run(long endNanos) {
            Connection c = null;
            long seq = 0;
            while (System.nanoTime() < endNanos) {
                long id = index * 10_000_000L + seq++;
                try {
                    if (c == null) {
                        c = connect(port, "&socketTimeout=15000");
                    }
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("INSERT INTO " + PROBE_DB + ".acked (id, writer) VALUES (" + id + ", '" + name + "')");
                    }
                    acked.add(id);
                    ackTimes.add(System.nanoTime());
                } catch (SQLException e) {
                    failures.incrementAndGet();
                    closeQuietly(c);
                    c = null;
                    sleep(100);
                }
            }
            closeQuietly(c);
        }

        long ackedAfter(long t) {
            return ackTimes.stream().filter(a -> a > t).count();
        }

        /** The longest time without an acknowledgement from {@code t} on: the kill's pause as this writer saw it. */
        long longestGapAfter(long t) {
            long longest = 0;
            long previous = t;
            for (long a : ackTimes) {
                if (a > t) {
                    longest = Math.max(longest, a - previous);
                    previous = a;
                }
            }
            return longest;
        }
    }

    // ---- the app

    private static Process launchApp(Path work, int lbPort, Path log) throws Exception {
        Path keys = work.resolve("keys");
        LocalKeys.ensure(keys);
        String url = "jdbc:mysql://127.0.0.1:" + lbPort + "/" + CONTROL_DB
                + "?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8&connectionCollation=utf8mb4_unicode_ci";
        Map<String, String> config = new HashMap<>(LocalRuntime.config(url, "root", "", keys, true));
        config.put("fpjc.demo.households", "100");
        config.put("fpjc.security.bcrypt-cost", "4");
        config.put("fpjc.tenancy.database-prefix", "galera_county_");
        // What infra/galera/README.md asks of an app on Galera: a pooled connection to a dead node is dropped on borrow.
        config.put("quarkus.datasource.jdbc.validate-on-borrow", "true");
        config.put("quarkus.datasource.tenants.jdbc.validate-on-borrow", "true");
        return PackagedApp.launch("app", appPort, config, work, log);
    }

    static int appPort;

    record Answer(int status, String body) {
    }

    static Answer http(String method, String path, String token, String json) throws IOException {
        HttpURLConnection h = (HttpURLConnection) URI.create("http://127.0.0.1:" + appPort + path).toURL().openConnection();
        h.setRequestMethod(method);
        h.setConnectTimeout(2000);
        h.setReadTimeout(20000);
        if (token != null) {
            h.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (json != null) {
            h.setDoOutput(true);
            h.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = h.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = h.getResponseCode();
        var in = status >= 400 ? h.getErrorStream() : h.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(status, body);
    }

    static String login() throws IOException {
        Answer a = http("POST", "/api/auth/login", null, "{\"username\":\"lankao.admin\",\"password\":\"Demo@2024\"}");
        assertEquals(200, a.status, "login: " + a.body);
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(a.body);
        assertTrue(m.find(), "no token in " + a.body);
        return m.group(1);
    }

    /**
     * Polls the app from the kill on, three requests side by side each on its own thread, until each has succeeded once:
     * a login (a locking transaction on the control database), a county read and a county write. Remembers when.
     */
    static final class AppProbe {
        final String token;
        final long killedAt;
        volatile long loginAt;
        volatile long readAt;
        volatile long writeAt;
        /** The village whose creation was the first app write to succeed after the kill. */
        volatile String village;
        final AtomicLong failures = new AtomicLong();
        volatile String lastFailure = "";

        AppProbe(String token, long killedAt) {
            this.token = token;
            this.killedAt = killedAt;
        }

        void runUntilServed(Duration limit) throws InterruptedException {
            long deadline = killedAt + limit.toNanos();
            Thread login = poll("login", deadline, n -> loginAt = attempt("POST", "/api/auth/login", null,
                    "{\"username\":\"lankao.admin\",\"password\":\"Demo@2024\"}"));
            Thread read = poll("read", deadline, n -> readAt = attempt("GET", "/api/counties/" + COUNTY + "/org-units", token, null));
            Thread write = poll("write", deadline, n -> {
                // A new village each time: a failed attempt's outcome never meets the next one's key.
                String code = TOWNSHIP.substring(0, 9) + String.format("%03d", n);
                writeAt = attempt("POST", "/api/counties/" + COUNTY + "/org-units", token,
                        "{\"code\":\"" + code + "\",\"name\":\"切换村" + n + "\"}");
                if (writeAt > 0) {
                    village = code;
                }
                return writeAt;
            });
            for (Thread t : List.of(login, read, write)) {
                t.join(limit.toMillis() + 30_000);
            }
        }

        private static Thread poll(String name, long deadline, java.util.function.IntToLongFunction attempt) {
            Thread t = new Thread(() -> {
                for (int n = 1; System.nanoTime() < deadline; n++) {
                    if (attempt.applyAsLong(n) > 0) {
                        return;
                    }
                    sleep(100);
                }
            }, "app-probe-" + name);
            t.start();
            return t;
        }

        private long attempt(String method, String path, String token, String json) {
            try {
                Answer a = http(method, path, token, json);
                if (a.status == 200 || a.status == 201) {
                    return System.nanoTime();
                }
                lastFailure = method + " " + path + " " + a.status + " " + a.body;
            } catch (IOException e) {
                lastFailure = method + " " + path + " " + e;
            }
            failures.incrementAndGet();
            return 0;
        }
    }

    /** The app's first successful write after the kill is on both survivors. */
    private static void appWrote(String village, int[] nodePorts) throws Exception {
        for (int port : new int[] {nodePorts[1], nodePorts[2]}) {
            try (Connection c = connect(port, "")) {
                exec(c, "SET SESSION wsrep_sync_wait = 1");
                assertEquals(List.of(village), strings(c, "SELECT code FROM galera_county_" + COUNTY + ".org_unit WHERE code = '" + village + "'"),
                        "the app's write on port " + port);
            }
        }
    }

    // ---- the cluster

    private static void assumeInstalled() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase().contains("linux"), "GaleraFailoverIT skipped: needs Linux");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/mariadbd")),
                "GaleraFailoverIT skipped: mariadbd is not installed (apt-get install mariadb-server galera-4 rsync haproxy)");
        assumeTrue(Files.exists(Path.of("/usr/lib/galera/libgalera_smm.so")),
                "GaleraFailoverIT skipped: galera-4 is not installed (apt-get install galera-4 rsync haproxy)");
        for (String tool : List.of("mariadb", "mariadb-install-db", "rsync", "haproxy")) {
            assumeTrue(onPath(tool), "GaleraFailoverIT skipped: " + tool + " is not installed (apt-get install mariadb-server galera-4 rsync haproxy)");
        }
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"), new String[] {"/usr/sbin", "/usr/bin"}).flatMap(Stream::of)
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static Map<String, String> clusterEnv(Path work) throws IOException {
        // cluster.sh puts node N on a base port + N - 1, so one run of free ports is split: SQL, group communication,
        // incremental and full state transfer, then HAProxy and the app.
        int base = PackagedApp.freeRun(14);
        appPort = base + 13;
        Map<String, String> env = new HashMap<>();
        env.put("GALERA_DIR", work.toString());
        env.put("GALERA_SQL_PORT", Integer.toString(base));
        env.put("GALERA_GCOMM_PORT", Integer.toString(base + 3));
        env.put("GALERA_IST_PORT", Integer.toString(base + 6));
        env.put("GALERA_SST_PORT", Integer.toString(base + 9));
        env.put("GALERA_LB_PORT", Integer.toString(base + 12));
        env.put("GALERA_INSTALL", "0");
        env.put("GALERA_WAIT", "90");
        return env;
    }

    private static void script(Map<String, String> env, Duration timeout, String... args) {
        String what = "cluster.sh " + String.join(" ", args);
        try {
            List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
            command.addAll(List.of(args));
            Path output = Files.createTempFile(Path.of(env.get("GALERA_DIR")), "cluster-sh", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            boolean done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor();
            }
            // Printed through System.out, so that it lands in the test's report rather than in the forked JVM's raw stream.
            Files.readAllLines(output).forEach(line -> System.out.println(what + ": " + line));
            Files.deleteIfExists(output);
            assertTrue(done, what + " did not finish within " + timeout);
            assertEquals(0, p.exitValue(), what);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(what, e);
        }
    }

    // ---- small helpers

    static Connection connect(int port, String extra) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", "root");
        login.setProperty("password", "");
        // The driver itself, not DriverManager (see TwoReplicasIT).
        return new com.mysql.cj.jdbc.Driver().connect("jdbc:mysql://127.0.0.1:" + port + "/?connectTimeout=2000"
                + "&createDatabaseIfNotExist=false&allowPublicKeyRetrieval=true&useSSL=false" + extra, login);
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static Set<Long> longs(Connection c, String sql) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    static String pause(long at, long killedAt) {
        return at == 0 ? "never" : String.format("%.1f s", (at - killedAt) / 1e9);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory under target/
        }
    }
}
