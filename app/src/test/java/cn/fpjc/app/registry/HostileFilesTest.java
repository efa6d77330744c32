package cn.fpjc.app.registry;

import static cn.fpjc.app.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import cn.fpjc.core.platform.jobs.BackgroundRunView;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantDirectory;
import cn.fpjc.core.registry.importing.ImportStagingPurgeJob;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 4: hostile files, built here (never shipped), fail their import with a reason a person can act on while
 * the heap stays bounded and other people's requests go on; the department upload refuses them too.
 */
@QuarkusTest
class HostileFilesTest {
    static final String HEADER = String.join(",", new ImportFile().header);
    static String county;
    static String admin;

    @Inject
    BackgroundJobs jobs;

    @Inject
    TenantDirectory tenants;

    @Inject
    ImportStagingPurgeJob stagingPurge;

    @Inject
    AppClock clock;

    @BeforeEach
    void county() {
        if (county != null) {
            return;
        }
        county = Api.onboard("gansu", "62");
        admin = Api.createUser("t_hostile_admin_" + county, Roles.COUNTY_ADMIN, county, county);
    }

    private static String base(String c) {
        return "/api/counties/" + c + "/household-imports";
    }

    /** Uploads {@code file} under its own name (its extension picks the format). */
    private static long upload(String c, String user, Path file) {
        return given().auth().oauth2(Api.token(user)).multiPart("file", file.toFile(), "application/octet-stream").post(base(c)).then()
                .statusCode(202).extract().jsonPath().getLong("id");
    }

    private static JsonPath await(String c, String user, long id) {
        return Awaitility.await("import job " + id).atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> as(user).get(base(c) + "/" + id).then().statusCode(200).extract().jsonPath(), j -> !j.getBoolean("running"));
    }

    /** A workbook written by fastexcel whose formula cell A2 is then swapped, inside the sheet XML, for {@code cellBytes} of 'A'. */
    static Path zipBomb(Path file, long cellBytes) throws IOException {
        Path plain = Files.createTempFile("plain", ".xlsx");
        try (Workbook wb = new Workbook(Files.newOutputStream(plain), "fpjc-test", "1.0")) {
            Worksheet ws = wb.newWorksheet("农户信息");
            ws.value(0, 0, "户编号");
            ws.formula(1, 0, "BOMB");
        }
        try (ZipFile in = new ZipFile(plain.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                String xml = new String(in.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                int at = e.getName().startsWith("xl/worksheets/") ? xml.indexOf("BOMB") : -1;
                if (at < 0) {
                    out.write(xml.getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    repeat(out, (byte) 'A', cellBytes);
                    out.write(xml.substring(at + 4).getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        } finally {
            Files.deleteIfExists(plain);
        }
        return file;
    }

    private static void repeat(OutputStream out, byte b, long count) throws IOException {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, b);
        for (long left = count; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    @Test
    void aZipBombFailsItsImportWithAReasonWhileTheHeapStaysBoundedAndOthersAreServed() throws Exception {
        Path bomb = zipBomb(Files.createTempFile("bomb", ".xlsx"), 3L << 30);
        try {
            assertTrue(Files.size(bomb) < 8L << 20, "a few MB zipped: " + Files.size(bomb));
            String other = Api.onboard("gansu", "62");
            String otherClerk = Api.createUser("t_hostile_other_" + other, Roles.COUNTY_ADMIN, other, other);
            System.gc();
            long before = heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            long started = System.nanoTime();
            long id = upload(county, admin, bomb);
            // another county's clerk searches households meanwhile
            as(otherClerk).queryParam("q", "张").get("/api/counties/" + other + "/households").then().statusCode(200);
            JsonPath job = await(county, admin, id);
            long millis = (System.nanoTime() - started) / 1_000_000;
            long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("HOSTILE-FILES zip bomb (%d bytes zipped, one 3 GiB cell): heap used before %d MB, peak of heap pools during the"
                    + " import %d MB (sum of per-pool peaks), job ended in %d ms%n", Files.size(bomb), before >> 20, peak >> 20, millis);
            assertEquals("FAILED", job.getString("status"), job.prettify());
            assertTrue(job.getString("message").startsWith("文件格式不正确：") && job.getString("message").contains("压缩"), job.getString("message"));
            assertTrue(peak - before < 512L << 20, "heap grew by " + ((peak - before) >> 20) + " MB");
            String run = Sql.column("SELECT CONCAT(status, ' ', message) FROM background_run WHERE ref = 'import_job " + id + "' AND county_code = '"
                    + county + "'").get(0);
            assertTrue(run.startsWith("FAILED 导入任务" + id + "：文件格式不正确"), run);
        } finally {
            Files.deleteIfExists(bomb);
        }
    }

    @Test
    void aCsvWithAnUnterminatedQuoteOfTensOfMegabytesFailsAtItsRow() throws Exception {
        Path csv = Files.createTempFile("open-quote", ".csv");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(csv))) {
                out.write((HEADER + "\nX1,\"").getBytes(StandardCharsets.UTF_8));
                repeat(out, (byte) 'x', 50L << 20);
            }
            JsonPath job = await(county, admin, upload(county, admin, csv));
            assertEquals("FAILED", job.getString("status"), job.prettify());
            assertEquals("文件格式不正确：第2行有单元格超过32767个字符（Excel单元格的上限），可能有未闭合的引号或文件已损坏", job.getString("message"));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void aCsvWith200000ColumnsFailsAtItsRowAndTheDepartmentUploadRefusesItToo() throws Exception {
        Path csv = Files.createTempFile("wide", ".csv");
        try {
            Files.writeString(csv, HEADER + "\n" + "1,".repeat(200_000) + "\n");
            JsonPath job = await(county, admin, upload(county, admin, csv));
            assertEquals("FAILED", job.getString("status"), job.prettify());
            assertEquals("文件格式不正确：第2行超过1000列，请检查分隔符或删除多余的列", job.getString("message"));
            String dept = Api.createUser("t_hostile_dept_" + county, Roles.DEPARTMENT, county, county);
            given().auth().oauth2(Api.token(dept)).multiPart("department", "x").multiPart("file", "alerts.csv", Files.readAllBytes(csv), "text/csv")
                    .post("/api/counties/" + county + "/clue-alerts").then().statusCode(400)
                    .body("fields.message", hasItem("文件格式不正确：第2行超过1000列，请检查分隔符或删除多余的列"));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void anErrorInBackgroundWorkEndsTheRunFailedWithItsReason() {
        long run = jobs.submit("test-error", "测试", tenants.find(county).orElseThrow(), "tester", null, 1, () -> {
            throw new StackOverflowError();
        });
        BackgroundRunView view = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> jobs.recent(county, 50).stream().filter(r -> r.id() == run).findFirst().orElseThrow(), r -> !"RUNNING".equals(r.status()));
        assertEquals("FAILED", view.status());
        assertEquals("文件过大或格式异常，处理时超出了服务器的内存或栈的限度（StackOverflowError），没有完成", view.message());
    }

    @Test
    void stagedRowsAreBoundedPerCountyAndFinishedJobsMakeRoom() throws Exception {
        String small = Api.onboard("gansu", "62");
        String smallAdmin = Api.createUser("t_hostile_stage_" + small, Roles.COUNTY_ADMIN, small, small);
        // a job waiting for confirmation that holds the whole allowance (2,000,000 rows by default)
        String db = Sql.database(small);
        stagedJob(small, "大.csv", "VALIDATED", 2_000_000);
        Path csv = Files.createTempFile("small", ".csv");
        try {
            Files.writeString(csv, "户编号\nA1\n");
            given().auth().oauth2(Api.token(smallAdmin)).multiPart("file", csv.toFile(), "text/csv").post(base(small))
                    .then().statusCode(409).body("code", equalTo("IMPORT_STAGING_FULL"));
            // once that job is finished its rows may go: the next upload purges the job and goes ahead, and that import's
            // background work deletes the rows, in chunks (here 25,000 of the job's rows are really there)
            Sql.execute("UPDATE " + db + ".import_job SET status = 'DONE', finished_at = NOW() WHERE file_name = '大.csv'");
            stagedRows(small, "大.csv", 25_000);
            await(small, smallAdmin, upload(small, smallAdmin, csv));
            assertEquals(List.of("1"), Sql.column("SELECT purged FROM " + db + ".import_job WHERE file_name = '大.csv'"));
            assertEquals(List.of("0", "0"), Sql.column("SELECT COUNT(*) FROM " + db + ".import_row r JOIN " + db + ".import_job j ON j.id = r.job_id"
                    + " WHERE j.file_name = '大.csv' UNION ALL SELECT COUNT(*) FROM " + db + ".import_household h JOIN " + db
                    + ".import_job j ON j.id = h.job_id WHERE j.file_name = '大.csv'"));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** A job said to hold {@code rows} staged rows, finished unless VALIDATED (awaiting confirmation). */
    private static void stagedJob(String county, String file, String status, long rows) {
        Sql.execute("INSERT INTO " + Sql.database(county) + ".import_job (file_name, format, file_size, file_sha256, mode, status, rows_read,"
                + " created_by, org_scope, created_at, finished_at) VALUES ('" + file + "', 'csv', 1, REPEAT('0', 64), 'VALIDATE_ONLY', '" + status
                + "', " + rows + ", 'x', '" + county + "', NOW(), " + ("VALIDATED".equals(status) ? "NULL" : "NOW()") + ")");
    }

    /** {@code rows} staged rows (and as many households) really stored for the job named {@code file}. */
    private static void stagedRows(String county, String file, int rows) {
        String db = Sql.database(county);
        String digit = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5"
                + " UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
        // 1..rows (up to 100,000) from five digits; a recursive CTE stops at the server's max_recursive_iterations (1,000)
        String numbers = "(SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 1 i FROM " + digit + " a, " + digit + " b, " + digit
                + " c, " + digit + " e, " + digit + " f HAVING i <= " + rows + ") x";
        Sql.execute("INSERT INTO " + db + ".import_row (job_id, row_no) SELECT j.id, x.i FROM " + db + ".import_job j, " + numbers
                + " WHERE j.file_name = '" + file + "'");
        Sql.execute("INSERT INTO " + db + ".import_household (job_id, household_no, row_count, head_count, file_ok) SELECT j.id, CONCAT('H', x.i),"
                + " 1, 1, TRUE FROM " + db + ".import_job j, " + numbers + " WHERE j.file_name = '" + file + "'");
    }

    @Test
    void theNightlyPurgeClearsJobsPastTheirDaysAndRowsLeftBehind() throws Exception {
        String quiet = Api.onboard("gansu", "62");
        String db = Sql.database(quiet);
        // A county that imports no more: a job written 31 days ago, one written yesterday, and a job an upload purged before
        // it was refused (its rows still stored, since no import of that county ran to delete them).
        java.util.function.Function<Integer, String> daysAgo = d -> java.time.LocalDateTime.ofInstant(clock.now().minus(Duration.ofDays(d)),
                java.time.ZoneOffset.UTC).toString().replace('T', ' ');
        stagedJob(quiet, "老.csv", "DONE", 3);
        stagedJob(quiet, "新.csv", "DONE", 2);
        stagedJob(quiet, "弃.csv", "FAILED", 4);
        Sql.execute("UPDATE " + db + ".import_job SET finished_at = '" + daysAgo.apply(31) + "' WHERE file_name = '老.csv'");
        Sql.execute("UPDATE " + db + ".import_job SET finished_at = '" + daysAgo.apply(1) + "' WHERE file_name = '新.csv'");
        Sql.execute("UPDATE " + db + ".import_job SET purged = TRUE WHERE file_name = '弃.csv'");
        // A job checked 31 days ago and never confirmed, and one whose process died while reading it (no heartbeat), which
        // nobody has opened since.
        stagedJob(quiet, "候.csv", "VALIDATED", 5);
        Sql.execute("UPDATE " + db + ".import_job SET validated_at = '" + daysAgo.apply(31) + "' WHERE file_name = '候.csv'");
        stagedJob(quiet, "断线.csv", "READING", 6);
        // and what stays: a job checked yesterday, and one being read elsewhere (its heartbeat fresh)
        stagedJob(quiet, "待.csv", "VALIDATED", 1);
        Sql.execute("UPDATE " + db + ".import_job SET validated_at = '" + daysAgo.apply(1) + "' WHERE file_name = '待.csv'");
        stagedJob(quiet, "读.csv", "READING", 1);
        Sql.execute("UPDATE " + db + ".import_job SET heartbeat_at = UTC_TIMESTAMP(6) WHERE file_name = '读.csv'");
        for (String f : List.of("老", "新", "弃", "候", "断线", "待", "读")) {
            stagedRows(quiet, f + ".csv", Map.of("老", 3, "新", 2, "弃", 4, "候", 5, "断线", 6, "待", 1, "读", 1).get(f));
        }

        stagingPurge.run(tenants.find(quiet).orElseThrow());

        assertEquals(List.of("老.csv DONE 1 0", "新.csv DONE 0 2", "弃.csv FAILED 1 0", "候.csv VALIDATED 1 0", "断线.csv FAILED 0 0",
                "待.csv VALIDATED 0 1", "读.csv READING 0 1"), Sql.column("SELECT CONCAT(j.file_name, ' ', j.status, ' ', j.purged, ' ',"
                        + " (SELECT COUNT(*) FROM " + db + ".import_row r WHERE r.job_id = j.id)) FROM " + db + ".import_job j ORDER BY j.id"));
        // The expired job says so, on its page and in the API.
        String admin = Api.createUser("t_hostile_purge_" + quiet, Roles.COUNTY_ADMIN, quiet, quiet);
        String expired = Sql.column("SELECT id FROM " + db + ".import_job WHERE file_name = '候.csv'").get(0);
        given().auth().oauth2(Api.token(admin)).get(base(quiet) + "/" + expired).then().statusCode(200)
                .body("statusLabel", equalTo("校验完成，超过保留期未确认，未导入")).body("committable", equalTo(false))
                .body("message", containsString("超过保留期未确认导入"));
        assertEquals(List.of("4"), Sql.column("SELECT COUNT(*) FROM " + db + ".import_household")); // 新's 2, 待's and 读's
    }

    @Test
    void aFileLargerThanTheRoomLeftPurgesFinishedJobsWhileItIsRead() throws Exception {
        String small = Api.onboard("gansu", "62");
        String smallAdmin = Api.createUser("t_hostile_room_" + small, Roles.COUNTY_ADMIN, small, small);
        String db = Sql.database(small);
        // A written job one row under the allowance: the upload need not purge it, the file's second row does. An older
        // REJECTED job stays: it can still be written as VALID_ONLY.
        stagedJob(small, "拒.csv", "REJECTED", 0);
        stagedJob(small, "旧.csv", "DONE", 1_999_999);
        stagedRows(small, "旧.csv", 3);
        stagedRows(small, "拒.csv", 2);
        // and a job purged before a restart cut its rows' delete short: the next import deletes what is left
        stagedJob(small, "断.csv", "DONE", 0);
        Sql.execute("UPDATE " + db + ".import_job SET purged = TRUE WHERE file_name = '断.csv'");
        stagedRows(small, "断.csv", 4);
        Path csv = Files.createTempFile("room", ".csv");
        try {
            Files.writeString(csv, HEADER + "\nX1\nX2\nX3\n");
            JsonPath job = await(small, smallAdmin, upload(small, smallAdmin, csv));
            assertEquals(3, job.getInt("rowsRead"), job.prettify());
            assertEquals("VALIDATED", job.getString("status"), job.prettify()); // checked, awaiting confirmation
            assertEquals(List.of("1"), Sql.column("SELECT purged FROM " + db + ".import_job WHERE file_name = '旧.csv'"));
            assertEquals(List.of("0"), Sql.column("SELECT purged FROM " + db + ".import_job WHERE file_name = '拒.csv'"));
            assertEquals(List.of("2"), Sql.column("SELECT COUNT(*) FROM " + db + ".import_row WHERE job_id IN (SELECT id FROM " + db
                    + ".import_job WHERE file_name IN ('旧.csv', '拒.csv', '断.csv'))")); // the rejected job's rows stay, no other's

            // A rejected job that has been purged can no longer be written, and says why.
            Sql.execute("UPDATE " + db + ".import_job SET purged = TRUE WHERE file_name = '拒.csv'");
            String rejected = Sql.column("SELECT id FROM " + db + ".import_job WHERE file_name = '拒.csv'").get(0);
            given().auth().oauth2(Api.token(smallAdmin)).post(base(small) + "/" + rejected + "/commit?mode=VALID_ONLY").then().statusCode(409)
                    .body("code", equalTo("IMPORT_STATE_CONFLICT")).body("message", containsString("暂存的数据已清理"));

            // A job awaiting confirmation is kept: with it holding the allowance, the file fails at the row past it.
            Sql.execute("UPDATE " + db + ".import_job SET rows_read = 1999998 WHERE id = " + job.getLong("id"));
            JsonPath second = await(small, smallAdmin, upload(small, smallAdmin, csv));
            assertEquals("FAILED", second.getString("status"), second.prettify());
            assertTrue(second.getString("message").contains("读到第4行停止"), second.getString("message")); // room for two rows: X1, X2
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
