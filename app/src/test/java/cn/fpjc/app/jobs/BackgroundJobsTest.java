package cn.fpjc.app.jobs;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Sql;
import cn.fpjc.core.monitoring.DeadlineScanJob;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The background-work mechanism inside one process: a slot claimed once per county however often it fires, interrupted
 * runs resumed or failed with a reason, and the county admin's list. The two-process proof is TwoReplicasIT.
 */
@QuarkusTest
class BackgroundJobsTest {
    static final String LANKAO = "410225";

    @Inject
    BackgroundJobs jobs;

    @Inject
    DeadlineScanJob deadlineScan;

    static long count(String sql) {
        return Long.parseLong(Sql.column(sql).get(0));
    }

    @Test
    void aSlotFiredFourTimesAtOnceRunsEachCountyOnce() {
        Instant slot = Instant.parse("2031-03-04T17:30:00Z").plusSeconds(System.nanoTime() % 100_000);
        long scansBefore = count("SELECT COUNT(*) FROM " + Sql.database(LANKAO) + ".deadline_scan WHERE trigger_kind = 'NIGHTLY'");
        List<CompletableFuture<Void>> firings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            firings.add(CompletableFuture.runAsync(() -> jobs.runSlot(deadlineScan, slot)));
        }
        firings.forEach(CompletableFuture::join);
        String slotSql = "'" + java.time.LocalDateTime.ofInstant(slot, java.time.ZoneOffset.UTC) + "'";
        List<String> counties = Sql.column("SELECT county_code FROM background_run WHERE job_id = 'deadline-scan' AND slot = " + slotSql);
        assertEquals(counties.stream().distinct().count(), counties.size(), "one row per county: " + counties);
        assertTrue(counties.contains(LANKAO), counties.toString());
        assertEquals(List.of("DONE"), Sql.column("SELECT DISTINCT status FROM background_run WHERE job_id = 'deadline-scan' AND slot = " + slotSql));
        assertEquals(scansBefore + 1, count("SELECT COUNT(*) FROM " + Sql.database(LANKAO) + ".deadline_scan WHERE trigger_kind = 'NIGHTLY'"));
    }

    @Test
    void interruptedRunsAreResumedOnceMoreOrMarkedFailedWithTheReason() throws Exception {
        String old = "'" + java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(10) + "'";
        String slot = "'" + java.time.LocalDateTime.of(2031, 5, 6, 17, 30).plusSeconds(System.nanoTime() % 100_000) + "'";
        String insert = "INSERT INTO background_run (job_id, job_label, county_code, slot, trigger_kind, actor, ref, status, owner, attempts,"
                + " started_at, heartbeat_at) VALUES ";
        Sql.execute(insert + "('deadline-scan', '期限扫描', '" + LANKAO + "', " + slot + ", 'SCHEDULED', 'system', 'resume-me', 'RUNNING',"
                + " 'dead-node@1', 1, " + old + ", " + old + ")");
        Sql.execute(insert + "('deadline-scan', '期限扫描', '" + LANKAO + "', DATE_ADD(" + slot + ", INTERVAL 1 DAY), 'SCHEDULED', 'system',"
                + " 'gave-up', 'RUNNING', 'dead-node@1', 2, " + old + ", " + old + ")");
        Sql.execute(insert + "('registry-import', '户籍导入', '" + LANKAO + "', NULL, 'ON_DEMAND', 'lankao.admin', 'lost-import', 'RUNNING',"
                + " 'dead-node@1', 1, " + old + ", " + old + ")");
        // A live run (fresh heartbeat) of another replica is left alone.
        Sql.execute(insert + "('registry-import', '户籍导入', '" + LANKAO + "', NULL, 'ON_DEMAND', 'lankao.admin', 'alive', 'RUNNING',"
                + " 'live-node@1', 1, " + old + ", UTC_TIMESTAMP(6))");
        jobs.sweep();
        String resumed = "SELECT CONCAT(status, '|', attempts, '|', IFNULL(message, '')) FROM background_run WHERE ref = 'resume-me'";
        for (int i = 0; i < 200 && Sql.column(resumed).get(0).startsWith("RUNNING"); i++) {
            Thread.sleep(50);
        }
        assertEquals("DONE|2|上次执行被中断（服务重启），已重新执行完成", Sql.column(resumed).get(0));
        assertEquals("FAILED|任务被中断（服务重启），已重新执行1次仍未完成，请联系管理员",
                Sql.column("SELECT CONCAT(status, '|', IFNULL(message, '')) FROM background_run WHERE ref = 'gave-up'").get(0));
        assertTrue(Sql.column("SELECT CONCAT(status, '|', IFNULL(message, '')) FROM background_run WHERE ref = 'lost-import'").get(0)
                .startsWith("FAILED|任务被中断（服务重启或进程退出）"));
        assertEquals("RUNNING", Sql.column("SELECT status FROM background_run WHERE ref = 'alive'").get(0));
        Sql.execute("DELETE FROM background_run WHERE ref = 'alive'");
    }

    @Test
    void theCountyAdminSeesTheCountysRunsAndNobodyElse() {
        jobs.runSlot(deadlineScan, Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(86_400 * 400));
        as("lankao.admin").get("/api/counties/" + LANKAO + "/background-jobs").then().statusCode(200)
                .body("jobLabel", hasItem("期限扫描")).body("[0].statusLabel", equalTo("已完成"));
        as("lankao.approver").get("/api/counties/" + LANKAO + "/background-jobs").then().statusCode(403);
        as("minqin.admin").get("/api/counties/" + LANKAO + "/background-jobs").then().statusCode(403);
    }
}
