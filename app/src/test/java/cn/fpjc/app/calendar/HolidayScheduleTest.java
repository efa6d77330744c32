package cn.fpjc.app.calendar;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.calendar.WorkingDayCalendar;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The State Council schedule of a new year is loaded at run time by a platform admin, and due dates in that year
 * work at once; before that they are refused. Nobody else may load one.
 */
@QuarkusTest
class HolidayScheduleTest {
    @Inject
    WorkingDayCalendar calendar;

    static final Map<String, Object> YEAR_2030 = Map.of(
            "daysOff", List.of("2030-01-01", "2030-02-02", "2030-02-03", "2030-02-04", "2030-02-05", "2030-02-06", "2030-02-07", "2030-02-08"),
            "workingWeekends", List.of("2030-01-27", "2030-02-09"),
            "notice", "国务院办公厅关于2030年部分节假日安排的通知（测试）");

    @Test
    void aPlatformAdminLoadsANewYearAndDueDatesInItWorkAtOnce() {
        assertThrows(ApiException.class, () -> calendar.afterWorkingDays(LocalDate.parse("2030-01-31"), 2));
        as("admin").body(YEAR_2030).put("/api/admin/holiday-schedules/2030").then().statusCode(200)
                .body("origin", org.hamcrest.Matchers.equalTo("平台载入")).body("setBy", org.hamcrest.Matchers.equalTo("admin"));
        // Thu 31 Jan 2030: Fri 1 Feb (1), 2—8 Feb off, Sat 9 Feb worked (2).
        assertEquals(LocalDate.parse("2030-02-09"), calendar.afterWorkingDays(LocalDate.parse("2030-01-31"), 2).date());
        assertEquals(List.of("SET"), Sql.column("SELECT action FROM platform_audit_log WHERE entity_type = 'holiday_schedule'"
                + " AND entity_id = '2030'"));
    }

    @Test
    void reloadingAYearNeedsTheVersionReadSoNobodyOverwritesAnUnseenChange() {
        Map<String, Object> year2032 = Map.of("daysOff", List.of("2032-01-01"), "workingWeekends", List.of(),
                "notice", "国务院办公厅关于2032年部分节假日安排的通知（测试）");
        long read = as("admin").body(year2032).put("/api/admin/holiday-schedules/2032").then().statusCode(200)
                .extract().jsonPath().getLong("version");
        // Without the version read: refused, naming the field, nothing changed.
        Map<String, Object> change = new java.util.HashMap<>(year2032);
        change.put("daysOff", List.of("2032-01-01", "2032-01-02"));
        as("admin").body(change).put("/api/admin/holiday-schedules/2032").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("VALIDATION_FAILED")).body("fields[0].field", org.hamcrest.Matchers.equalTo("version"));
        change.put("version", read);
        long changed = as("admin").body(change).put("/api/admin/holiday-schedules/2032").then().statusCode(200)
                .body("daysOff", org.hamcrest.Matchers.hasSize(2)).extract().jsonPath().getLong("version");
        // A second admin still holding the first version loses: 409, the first change stays.
        Map<String, Object> stale = new java.util.HashMap<>(year2032);
        stale.put("version", read);
        as("admin").body(stale).put("/api/admin/holiday-schedules/2032").then().statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("CONCURRENT_UPDATE"));
        as("admin").get("/api/admin/holiday-schedules").then().statusCode(200)
                .body("find { it.year == 2032 }.daysOff", org.hamcrest.Matchers.hasSize(2))
                .body("find { it.year == 2032 }.version", org.hamcrest.Matchers.equalTo((int) changed));
        assertEquals(List.of("SET", "UPDATE"), Sql.column("SELECT action FROM platform_audit_log WHERE entity_type = 'holiday_schedule'"
                + " AND entity_id = '2032' ORDER BY id"));
    }

    @Test
    void everyoneSignedInReadsTheSchedulesOnlyAPlatformAdminLoadsThem() {
        String county = Api.onboard("gansu", "62");
        String clerk = Api.createUser("t_cal_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        as(clerk).get("/api/admin/holiday-schedules").then().statusCode(200).body("year", hasItem(2026))
                .body("find { it.year == 2026 }.origin", org.hamcrest.Matchers.equalTo("随程序提供"));
        as(clerk).body(YEAR_2030).put("/api/admin/holiday-schedules/2031").then().statusCode(403);
        as("gansu-admin").body(YEAR_2030).put("/api/admin/holiday-schedules/2031").then().statusCode(403);
        Api.anonymous().get("/api/admin/holiday-schedules").then().statusCode(401);
    }

    @Test
    void aWrongScheduleIsRefusedWholeWithEveryProblem() {
        Map<String, Object> bad = Map.of("daysOff", List.of("2031-01-01", "2030-12-31"), "workingWeekends", List.of("2031-01-06"),
                "notice", "");
        as("admin").body(bad).put("/api/admin/holiday-schedules/2031").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("CALENDAR_SCHEDULE_INVALID"))
                .body("message", containsString("2030-12-31 不在2031年")).body("message", containsString("2031-01-06 不是周末"))
                .body("message", containsString("请填写依据的通知"));
        as("admin").get("/api/admin/holiday-schedules").then().statusCode(200)
                .body("year", org.hamcrest.Matchers.not(hasItem(2031)));
    }
}
