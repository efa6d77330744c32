package cn.fpjc.app.bench;

import static cn.fpjc.app.support.Api.as;
import static io.restassured.RestAssured.given;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.registry.IdNumber;
import cn.fpjc.core.registry.PersonalDataCipher;
import cn.fpjc.core.registry.SyntheticRegistry;
import cn.fpjc.core.registry.SyntheticRegistryService;
import cn.fpjc.core.registry.importing.ImportColumn;
import cn.fpjc.core.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Registry figures (issue 3) on a generated county: run by {@code infra/bench/registry.sh}, never by the normal
 * test command. Prints a table; asserts nothing about time (the machines are noisy: read medians and ratios).
 * Each figure is set beside a raw-database baseline measured in the same run where one makes sense.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "fpjc.bench.households", matches = "\\d+")
class RegistryBenchmark {
    @Inject
    SyntheticRegistryService synthetic;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    AgroalDataSource dataSource;

    final List<String> report = new ArrayList<>();

    @Test
    void registryFigures() throws Exception {
        int households = Integer.getInteger("fpjc.bench.households");
        int importHouseholds = Integer.getInteger("fpjc.bench.import-households", 100_000);
        int samples = Integer.getInteger("fpjc.bench.samples", 1000);
        String county = Api.onboard("henan", "41");
        String admin = Api.createUser("t_bench_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        for (int t = 1; t <= 5; t++) {
            String township = county + String.format("%03d", 100 + t) + "000";
            as(admin).body(Map.of("code", township, "name", "镇" + t)).post("/api/counties/" + county + "/org-units").then().statusCode(201);
            for (int v = 1; v <= 4; v++) {
                as(admin).body(Map.of("code", county + String.format("%03d", 100 + t) + String.format("%03d", 200 + v), "name", "村" + t + "-" + v))
                        .post("/api/counties/" + county + "/org-units").then().statusCode(201);
            }
        }
        String db = Sql.database(county);

        // 1. The county: synthetic households (multi-row INSERTs, 500 households per transaction, IDs encrypted).
        SyntheticRegistry.Result gen = synthetic.generate(county, households, 42);
        line("generate", "%d households, %d members in %.1f s (%.0f members/s)", gen.households(), gen.members(), gen.millis() / 1000.0,
                gen.members() * 1000.0 / gen.millis());

        // Samples: real members' numbers (decrypted here) and names.
        List<String[]> people = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            long max;
            try (ResultSet rs = st.executeQuery("SELECT MAX(id) FROM " + db + ".member")) {
                rs.next();
                max = rs.getLong(1);
            }
            // Random members by primary key (a RAND() inside the query would be evaluated for every row).
            String ids = ThreadLocalRandom.current().longs(samples, 1, max + 1).mapToObj(Long::toString)
                    .collect(java.util.stream.Collectors.joining(","));
            try (ResultSet rs = st.executeQuery("SELECT m.id_cipher, m.name, m.household_id, m.id_hash FROM " + db + ".member m"
                    + " WHERE m.id IN (" + ids + ")")) {
                while (rs.next()) {
                    people.add(new String[] { cipher.decrypt(rs.getBytes(1)).value(), rs.getString(2), rs.getString(3),
                            java.util.HexFormat.of().formatHex(rs.getBytes(4)) });
                }
            }
        }
        Collections.shuffle(people);
        String token = Api.token(admin);
        String base = "/api/counties/" + county + "/households";
        for (int i = 0; i < 50; i++) { // warm-up
            get(token, base + "?idNumber=" + people.get(i % people.size())[0]);
        }

        // 2. Exact ID search through the API vs the raw indexed lookup.
        List<Long> api = new ArrayList<>();
        for (String[] p : people) {
            long t0 = System.nanoTime();
            get(token, base + "?idNumber=" + p[0]);
            api.add(System.nanoTime() - t0);
        }
        List<Long> raw = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("SELECT h.id, h.household_no, h.village_code"
                + " FROM " + db + ".member m JOIN " + db + ".household h ON h.id = m.household_id WHERE m.id_hash = ?")) {
            for (String[] p : people) {
                long t0 = System.nanoTime();
                st.setBytes(1, cipher.lookupHash(IdNumber.parse(p[0], java.time.LocalDate.now())));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                }
                raw.add(System.nanoTime() - t0);
            }
        }
        latency("ID search (API, sequential)", api, raw);

        // 3. Name search (full name, as a clerk types it) vs the raw prefix lookup.
        api.clear();
        raw.clear();
        for (String[] p : people.subList(0, Math.min(500, people.size()))) {
            long t0 = System.nanoTime();
            get(token, base + "?q=" + java.net.URLEncoder.encode(p[1], StandardCharsets.UTF_8));
            api.add(System.nanoTime() - t0);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("SELECT DISTINCT household_id FROM " + db
                + ".member WHERE name LIKE ? AND active = TRUE LIMIT 20")) {
            for (String[] p : people.subList(0, Math.min(500, people.size()))) {
                long t0 = System.nanoTime();
                st.setString(1, p[1] + "%");
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
                raw.add(System.nanoTime() - t0);
            }
        }
        latency("name search (API, sequential)", api, raw);

        // 4. Household detail under 20 concurrent clients.
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<List<Long>>> futures = new ArrayList<>();
        long wall0 = System.nanoTime();
        for (int client = 0; client < 20; client++) {
            futures.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    String id = people.get(ThreadLocalRandom.current().nextInt(people.size()))[2];
                    long t0 = System.nanoTime();
                    get(token, base + "/" + id);
                    mine.add(System.nanoTime() - t0);
                }
                return mine;
            }));
        }
        List<Long> detail = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            detail.addAll(f.get());
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        pool.shutdown();
        latency("household detail (20 concurrent clients)", detail, null);
        line("", "  %d requests in %.1f s = %.0f requests/s", detail.size(), wall, detail.size() / wall);

        // 5. The whole county's 台账 export.
        long t0 = System.nanoTime();
        try {
            java.net.http.HttpResponse<byte[]> r = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + base + "/export.xlsx"))
                    .header("Authorization", "Bearer " + token).timeout(java.time.Duration.ofMinutes(5)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            line("export 台账", "%d households: HTTP %d in %.1f s, %.1f MB", households, r.statusCode(), (System.nanoTime() - t0) / 1e9,
                    r.body().length / 1e6);
        } catch (java.io.IOException e) {
            line("export 台账", "%d households: FAILED after %.1f s (%s)", households, (System.nanoTime() - t0) / 1e9, e.getClass().getSimpleName());
        }

        // 6. Import of a file of new households into the full county vs a batched JDBC insert of the same rows.
        Path file = Files.createTempFile("bench-import", ".csv");
        List<String[]> rows = importRows(importHouseholds, county + "101201");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", java.util.Arrays.stream(ImportColumn.values()).map(ImportColumn::templateHeader).toList()));
            w.newLine();
            for (String[] r : rows) {
                w.write(String.join(",", r));
                w.newLine();
            }
        }
        long i0 = System.nanoTime();
        long job = given().auth().oauth2(token).multiPart("file", file.toFile()).multiPart("mode", "VALID_ONLY")
                .post("/api/counties/" + county + "/household-imports").then().statusCode(202).extract().jsonPath().getLong("id");
        JsonPath done = Awaitility.await("benchmark import finished").forever().pollInterval(Duration.ofMillis(500))
                .until(() -> given().auth().oauth2(token).get("/api/counties/" + county + "/household-imports/" + job).then()
                        .statusCode(200).extract().jsonPath(), j -> !j.getBoolean("running"));
        double importSeconds = (System.nanoTime() - i0) / 1e9;
        if (!"DONE".equals(done.getString("status")) || done.getInt("rowsWithErrors") > 0) {
            throw new AssertionError("benchmark import did not complete cleanly: " + done.prettify());
        }
        double importRate = rows.size() / importSeconds;
        List<Object[]> encrypted = encrypted(rows);
        double baselineRate = rows.size() / rawInsert(db, encrypted, false);
        double loadRate = rows.size() / rawInsert(db, encrypted, true);
        line("import", "%d rows (%d households) in %.1f s = %.0f rows/s (upload, parse, check, write)", rows.size(), importHouseholds,
                importSeconds, importRate);
        line("", "  raw batched JDBC insert of the same rows (pre-encrypted, no checks): %.0f rows/s; ratio %.2f×", baselineRate,
                importRate / baselineRate);
        line("", "  raw LOAD DATA LOCAL of the same rows (pre-encrypted, no checks): %.0f rows/s; ratio %.2f×", loadRate,
                importRate / loadRate);
        Files.deleteIfExists(file);

        Path out = Path.of("target", "bench-registry.txt");
        Files.write(out, report);
        System.out.println("\n==== registry benchmark ====\n" + String.join("\n", report) + "\n(written to " + out.toAbsolutePath() + ")");
    }

    /** A GET through the JDK's HTTP client (REST Assured's own per-request cost would swamp the server's). */
    static void get(String token, String path) throws Exception {
        java.net.http.HttpResponse<byte[]> r = HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + path))
                .header("Authorization", "Bearer " + token).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError(path + " answered " + r.statusCode());
        }
    }

    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    /** CSV rows for {@code n} new households of 1—5 people in one village; ID numbers of region 110106, unique. */
    static List<String[]> importRows(int n, String village) {
        List<String[]> rows = new ArrayList<>();
        int person = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int h = 0; h < n; h++) {
            int size = 1 + random.nextInt(5);
            for (int i = 0; i < size; i++) {
                String birth = LocalDate.of(1940, 1, 1).plusDays(person / 900).format(DateTimeFormatter.BASIC_ISO_DATE);
                String first17 = "110106" + birth + String.format("%03d", person % 900 + 100);
                person++;
                String[] r = new String[ImportColumn.values().length];
                java.util.Arrays.fill(r, "");
                r[ImportColumn.HOUSEHOLD_NO.ordinal()] = "BI-" + h;
                r[ImportColumn.NAME.ordinal()] = "导入" + (i == 0 ? "户主" : "成员");
                r[ImportColumn.ID_NUMBER.ordinal()] = first17 + IdNumber.checkChar(first17);
                r[ImportColumn.RELATION.ordinal()] = i == 0 ? "户主" : "子女";
                r[ImportColumn.LABOUR.ordinal()] = "普通劳动力";
                r[ImportColumn.HEALTH.ordinal()] = "健康";
                r[ImportColumn.MEDICAL_INSURED.ordinal()] = "是";
                if (i == 0) {
                    r[ImportColumn.VILLAGE.ordinal()] = village;
                    r[ImportColumn.CATEGORY.ordinal()] = "一般农户";
                    r[ImportColumn.INCOME_YEAR.ordinal()] = "2024";
                    r[ImportColumn.WAGE.ordinal()] = String.valueOf(10000 + random.nextInt(50000));
                }
                rows.add(r);
            }
        }
        return rows;
    }

    /** The import's rows as a raw write would take them: encrypted before any clock starts (the baselines are the database's share). */
    List<Object[]> encrypted(List<String[]> rows) {
        List<Object[]> members = new ArrayList<>();
        for (String[] r : rows) {
            IdNumber id = IdNumber.parse(r[ImportColumn.ID_NUMBER.ordinal()], java.time.LocalDate.now());
            members.add(new Object[] { r[ImportColumn.HOUSEHOLD_NO.ordinal()], r[ImportColumn.NAME.ordinal()], cipher.encrypt(id),
                    cipher.lookupHash(id), id.masked(), java.sql.Date.valueOf(id.birthDate()), id.sex(), r[ImportColumn.VILLAGE.ordinal()] });
        }
        return members;
    }

    /**
     * Seconds to write the same households and members into scratch copies of the tables (same indexes), in one transaction:
     * with multi-row INSERTs (500 rows each), or with LOAD DATA LOCAL from an in-memory stream (households, then members).
     */
    double rawInsert(String db, List<Object[]> members, boolean loadData) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + db + ".bench_household, " + db + ".bench_member");
            st.execute("CREATE TABLE " + db + ".bench_household LIKE " + db + ".household");
            st.execute("CREATE TABLE " + db + ".bench_member LIKE " + db + ".member");
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            List<Object[]> heads = members.stream().filter(m -> !((String) m[7]).isEmpty()).toList();
            if (loadData) {
                StringBuilder tsv = new StringBuilder();
                for (Object[] h : heads) {
                    tsv.append(h[0]).append('\t').append(h[7]).append('\n');
                }
                load(c, db + ".bench_household", "(household_no, village_code) SET category = 'ORDINARY', relocated = FALSE,"
                        + " no_labour_capacity = FALSE, active = TRUE, version = 0, created_at = NOW(6), updated_at = NOW(6)", tsv, heads.size());
            } else {
                insert(c, db + ".bench_household (household_no, village_code, category, relocated, no_labour_capacity, active, version,"
                        + " created_at, updated_at)", "(?, ?, 'ORDINARY', FALSE, FALSE, TRUE, 0, NOW(6), NOW(6))", heads, m -> new Object[] { m[0], m[7] });
            }
            Map<String, Long> ids = new java.util.HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT household_no, id FROM " + db + ".bench_household")) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
            if (loadData) {
                StringBuilder tsv = new StringBuilder();
                java.util.HexFormat hex = java.util.HexFormat.of();
                for (Object[] m : members) {
                    tsv.append(ids.get((String) m[0])).append('\t').append(m[1]).append('\t').append(hex.formatHex((byte[]) m[2])).append('\t')
                            .append(hex.formatHex((byte[]) m[3])).append('\t').append(m[4]).append('\t').append(m[5]).append('\t').append(m[6])
                            .append('\n');
                }
                load(c, db + ".bench_member", "(household_id, name, @c, @h, id_masked, birth_date, sex) SET id_cipher = UNHEX(@c),"
                        + " id_hash = UNHEX(@h), relation = 'CHILD', labour = 'FULL', health = 'HEALTHY', schooling = 'NOT_IN_SCHOOL',"
                        + " employment_place = 'NONE', medical_insured = TRUE, pension_insured = FALSE, active = TRUE, version = 0,"
                        + " created_at = NOW(6), updated_at = NOW(6)", tsv, members.size());
            } else {
                insert(c, db + ".bench_member (household_id, name, id_cipher, id_hash, id_masked, birth_date, sex, relation, labour, health,"
                        + " schooling, employment_place, medical_insured, pension_insured, active, version, created_at, updated_at)",
                        "(?, ?, ?, ?, ?, ?, ?, 'CHILD', 'FULL', 'HEALTHY', 'NOT_IN_SCHOOL', 'NONE', TRUE, FALSE, TRUE, 0, NOW(6), NOW(6))",
                        members, m -> new Object[] { ids.get((String) m[0]), m[1], m[2], m[3], m[4], m[5], m[6] });
            }
            c.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            c.setAutoCommit(true);
            st.execute("DROP TABLE " + db + ".bench_household, " + db + ".bench_member");
            return seconds;
        }
    }

    static void load(Connection c, String table, String columns, CharSequence tsv, int rows) throws Exception {
        cn.fpjc.core.platform.bulkload.LocalInfile.load(c, "LOAD DATA LOCAL INFILE 'rows' INTO TABLE " + table + " CHARACTER SET utf8mb4 "
                + columns, new java.io.ByteArrayInputStream(tsv.toString().getBytes(StandardCharsets.UTF_8)), rows);
    }

    static void insert(Connection c, String table, String tuple, List<Object[]> items, java.util.function.Function<Object[], Object[]> values)
            throws Exception {
        for (int from = 0; from < items.size(); from += 500) {
            List<Object[]> chunk = items.subList(from, Math.min(items.size(), from + 500));
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(tuple);
            }
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (Object[] item : chunk) {
                    for (Object v : values.apply(item)) {
                        st.setObject(p++, v);
                    }
                }
                st.executeUpdate();
            }
        }
    }

    void latency(String what, List<Long> nanos, List<Long> baseline) {
        double p50 = percentile(nanos, 50);
        double p99 = percentile(nanos, 99);
        if (baseline == null) {
            line(what, "p50 %.1f ms, p99 %.1f ms (n=%d)", p50, p99, nanos.size());
        } else {
            double b50 = percentile(baseline, 50);
            double b99 = percentile(baseline, 99);
            line(what, "p50 %.1f ms, p99 %.1f ms (n=%d); raw SQL p50 %.2f ms, p99 %.2f ms; ratio p50 %.1f×", p50, p99, nanos.size(), b50, b99,
                    p50 / b50);
        }
    }

    static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    void line(String what, String format, Object... args) {
        report.add(String.format(Locale.ROOT, "%-44s %s", what, String.format(Locale.ROOT, format, args)));
        System.out.println(report.get(report.size() - 1));
    }
}
