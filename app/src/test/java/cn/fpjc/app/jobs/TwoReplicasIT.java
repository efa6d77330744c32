package cn.fpjc.app.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.PackagedApp;
import cn.fpjc.embedded.EmbeddedMariaDb;
import cn.fpjc.embedded.LocalKeys;
import cn.fpjc.embedded.LocalRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Run-once across replicas, for real: the packaged app started twice (two JVMs, two HTTP ports) on one embedded MariaDB.
 * Both get the same nightly crons, squeezed into one minute (every 10 s), so both replicas fire every slot for every
 * county. Afterwards every (job, county, slot) has exactly one run, both replicas took part, and the counties' own result
 * tables (deadline_scan, dq_run) hold exactly as many nightly results as there were runs.
 *
 * <p>The control database is seeded by a first start of the app alone (demo counties), so the two replicas then start
 * side by side on an existing database; the minute is chosen from how long that first start took.
 */
class TwoReplicasIT {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Path JAR = PackagedApp.JAR;

    record Replica(String name, Process process, int port, Path log) {
    }

    @Test
    void everyCountysNightlyJobRunsOncePerSlotAcrossTwoReplicas() throws Exception {
        assertTrue(Files.exists(JAR), "package the app first (mvn verify runs this after package): " + JAR.toAbsolutePath());
        Path work = Files.createTempDirectory("fpjc-two-replicas");
        Path keys = work.resolve("keys");
        LocalKeys.ensure(keys);
        List<Replica> replicas = new ArrayList<>();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(null, "fpjc_control_it")) {
            String url = db.jdbcUrl("fpjc_control_it");
            Map<String, String> base = new HashMap<>(LocalRuntime.config(url, db.appAccount().user(), db.appAccount().password(), keys, true));
            base.put("fpjc.demo.households", "100");
            base.put("fpjc.security.bcrypt-cost", "4");

            // 1. Seed the control database and the demo counties with one process.
            Instant seedStart = Instant.now();
            Replica seed = launch("seed", base, work);
            replicas.add(seed);
            PackagedApp.awaitReady(seed.name(), seed.process(), "http://127.0.0.1:" + seed.port(), seed.log(), Duration.ofMinutes(6));
            Duration startup = Duration.between(seedStart, Instant.now());
            stop(seed);
            replicas.remove(seed);

            // 2. Two replicas, same crons: one window minute, far enough ahead for both to be up.
            ZonedDateTime window = ZonedDateTime.now(CHINA).plus(startup.multipliedBy(2)).plusSeconds(30).truncatedTo(ChronoUnit.MINUTES)
                    .plusMinutes(1);
            String when = " " + window.getMinute() + " " + window.getHour() + " " + window.getDayOfMonth() + " " + window.getMonthValue() + " ?";
            base.put("fpjc.demo.seed", "false");
            base.put("fpjc.deadline-scan.nightly-cron", "0/10" + when);
            base.put("fpjc.data-quality.nightly-cron", "5/10" + when);
            base.put("fpjc.jobs.heartbeat", "2s");
            Replica a = launch("replica-a", base, work);
            Replica b = launch("replica-b", base, work);
            replicas.add(a);
            replicas.add(b);
            Duration untilWindowEnd = Duration.between(ZonedDateTime.now(CHINA), window.plusMinutes(1));
            PackagedApp.awaitReady(a.name(), a.process(), "http://127.0.0.1:" + a.port(), a.log(), untilWindowEnd);
            PackagedApp.awaitReady(b.name(), b.process(), "http://127.0.0.1:" + b.port(), b.log(), untilWindowEnd);
            Instant bothReady = Instant.now();
            Instant windowStart = window.toInstant();
            if (Instant.now().isAfter(windowStart)) {
                System.out.println("TwoReplicasIT: a replica was ready only after the window opened (startup " + startup + ")");
            }
            // 3. Let the minute pass and every run finish.
            sleepUntil(window.plusMinutes(1).plusSeconds(2).toInstant());
            java.util.Properties login = new java.util.Properties();
            login.setProperty("user", db.appAccount().user());
            login.setProperty("password", db.appAccount().password());
            // The driver itself, not DriverManager, which does not see it from a JVM that ran @QuarkusTests before.
            try (Connection c = new com.mysql.cj.jdbc.Driver().connect(url, login)) {
                for (int i = 0; i < 240 && count(c, "SELECT COUNT(*) FROM background_run WHERE status = 'RUNNING'") > 0; i++) {
                    Thread.sleep(500);
                }
                check(c, windowStart, bothReady, List.of(a, b));
            }
        } catch (AssertionError | Exception e) {
            for (Replica r : replicas) {
                System.out.println("---- log of " + r.name() + " (tail)");
                List<String> lines = Files.readAllLines(r.log());
                lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.out::println);
            }
            throw e;
        } finally {
            for (Replica r : replicas) {
                stop(r);
            }
        }
    }

    private static void check(Connection c, Instant windowStart, Instant bothReady, List<Replica> competing) throws SQLException, IOException {
        assertEquals(0, count(c, "SELECT COUNT(*) FROM background_run WHERE status = 'RUNNING'"), "runs still RUNNING after the window");
        List<String> counties = strings(c, "SELECT code FROM tenant WHERE status = 'ACTIVE' ORDER BY code");
        assertTrue(counties.size() >= 2, "demo counties: " + counties);
        String inWindow = " FROM background_run WHERE trigger_kind = 'SCHEDULED' AND slot >= '"
                + java.time.LocalDateTime.ofInstant(windowStart, java.time.ZoneOffset.UTC) + "'";
        for (String job : List.of("deadline-scan", "data-quality")) {
            // Each slot that fired was run for every county, once.
            Map<String, Long> perSlot = new TreeMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT slot, COUNT(*), COUNT(DISTINCT county_code)" + inWindow
                    + " AND job_id = '" + job + "' GROUP BY slot")) {
                while (rs.next()) {
                    assertEquals(rs.getLong(2), rs.getLong(3), job + " slot " + rs.getString(1) + ": a county ran twice");
                    perSlot.put(rs.getString(1), rs.getLong(2));
                }
            }
            assertTrue(perSlot.size() >= 3, job + ": slots run in the window " + perSlot);
            perSlot.forEach((slot, n) -> assertEquals(counties.size(), n.intValue(), job + " slot " + slot + ": counties run"));
            // Both replicas fired every slot that came after both were up, so each county's run of those slots really was
            // contested (which replica wins a county is timing, not something to assert); the unique key let exactly one
            // through, as counted above. On a slow machine a replica may come up after the window opened: its earlier
            // slots are left out of this check, never the once-per-county check above.
            java.time.LocalDateTime cutoff = java.time.LocalDateTime.ofInstant(bothReady, java.time.ZoneOffset.UTC);
            List<String> contested = perSlot.keySet().stream().map(slot -> slot.replace(' ', 'T').replaceFirst("(\\.0+)?$", ""))
                    .filter(slot -> java.time.LocalDateTime.parse(slot).isAfter(cutoff)).toList();
            assertTrue(contested.size() >= 2, job + ": slots after both replicas were up " + contested + " of " + perSlot.keySet());
            for (Replica r : competing) {
                List<String> log = Files.readAllLines(r.log());
                for (String slot : contested) {
                    String fired = "county job " + job + " fired for slot " + java.time.LocalDateTime.parse(slot);
                    assertTrue(log.stream().anyMatch(l -> l.contains(fired)), r.name() + " did not fire " + job + " for slot " + slot);
                }
            }
            assertEquals(0, count(c, "SELECT COUNT(*)" + inWindow + " AND job_id = '" + job + "' AND status <> 'DONE'"), job + ": failed runs");
        }
        // The counties' own result tables agree: one nightly result per run, over the whole test (the seeding start included).
        for (String county : counties) {
            String database = strings(c, "SELECT database_name FROM tenant WHERE code = '" + county + "'").get(0);
            assertEquals(count(c, "SELECT COUNT(*) FROM background_run WHERE job_id = 'deadline-scan' AND county_code = '" + county + "'"),
                    count(c, "SELECT COUNT(*) FROM " + database + ".deadline_scan WHERE trigger_kind = 'NIGHTLY'"), county + " deadline scans");
            assertEquals(count(c, "SELECT COUNT(*) FROM background_run WHERE job_id = 'data-quality' AND county_code = '" + county + "'"),
                    count(c, "SELECT COUNT(*) FROM " + database + ".dq_run WHERE trigger_kind = 'NIGHTLY'"), county + " 疑点 runs");
        }
    }

    private static Replica launch(String name, Map<String, String> config, Path work) throws IOException {
        int port = PackagedApp.freePort();
        Path log = work.resolve(name + ".log");
        return new Replica(name, PackagedApp.launch(name, port, config, work, log), port, log);
    }

    private static void stop(Replica r) throws InterruptedException {
        if (r.process().isAlive()) {
            r.process().destroy();
            if (!r.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                r.process().destroyForcibly().waitFor();
            }
        }
    }

    private static void sleepUntil(Instant t) throws InterruptedException {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

}
