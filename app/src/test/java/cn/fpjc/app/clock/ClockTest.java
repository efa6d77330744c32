package cn.fpjc.app.clock;

import static cn.fpjc.app.support.Api.anonymous;
import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Today's date in tests and the demo: the platform admin sets it for one county ({@code PUT /api/admin/clock} with a
 * county) or for all (without), and resets it ({@code DELETE}); every date the product takes from "today" follows, here
 * a risk clue's 发现日期, 受理时间 and 入户核实 due date. Each change is audited. Only a platform admin may do it.
 */
@QuarkusTest
class ClockTest {
    static String county;
    static String otherCounty;
    static String village;
    static String otherVillage;
    static String clerk;
    static String otherClerk;
    static String countyAdmin;

    @BeforeEach
    void data() {
        if (county != null) {
            return;
        }
        county = Api.onboard("gansu", "62");
        otherCounty = Api.onboard("gansu", "62");
        countyAdmin = Api.createUser("t_clock_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String otherAdmin = Api.createUser("t_clock_admin_" + otherCounty, Roles.COUNTY_ADMIN, otherCounty, otherCounty);
        village = Api.addTownshipAndVillage(countyAdmin, county, "101")[1];
        otherVillage = Api.addTownshipAndVillage(otherAdmin, otherCounty, "101")[1];
        clerk = Api.createUser("t_clock_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        otherClerk = Api.createUser("t_clock_clerk_" + otherCounty, Roles.VILLAGE_CLERK, otherCounty, otherVillage);
    }

    @AfterEach
    void everythingBackToTheMachinesDate() {
        as("admin").delete("/api/admin/clock").then().statusCode(200);
    }

    /** A clue recorded without a 发现日期: the product fills in today. */
    static JsonPath clue(String user, String inCounty, String inVillage, String birth) {
        Map<String, Object> c = new HashMap<>(Map.of("channel", "农户自主申报", "sourceDetail", "村委会", "villageCode", inVillage,
                "name", "赵长根", "idNumber", Ids.of(birth, true), "description", "务工收入大幅减少", "riskCategories", List.of("因务工就业不稳")));
        return as(user).body(c).post("/api/counties/" + inCounty + "/clues").then().statusCode(201).extract().jsonPath();
    }

    static LocalDate machineDate() {
        return LocalDate.parse(as("admin").get("/api/admin/clock").then().statusCode(200).extract().path("machine"));
    }

    @Test
    void oneCountysDateMovesEveryDateTakenFromTodayInThatCountyOnly() {
        as("admin").body(Map.of("today", "2024-09-26", "county", county)).put("/api/admin/clock").then().statusCode(200)
                .body("counties." + county, equalTo("2024-09-26")).body("moved", equalTo(true)).body("adjustable", equalTo(true));

        // Thursday 26 Sep 2024: five working days run over the National Day holiday to Tuesday 8 Oct, not yet due.
        JsonPath moved = clue(clerk, county, village, "19700101");
        assertEquals("2024-09-26", moved.getString("reportedOn"));
        assertEquals("2024-10-08", moved.getString("verifyDue"));
        assertEquals("未到期", moved.getString("dueState"));
        assertEquals(LocalDate.of(2024, 9, 26), LocalDate.ofInstant(Instant.parse(moved.getString("receivedAt")), ZoneId.of("Asia/Shanghai")));
        // and a birth date after that day is not a real person's yet
        as(clerk).body(Map.of("channel", "农户自主申报", "villageCode", village, "name", "赵小宝", "idNumber", Ids.of("20241001", true),
                "description", "新生儿", "riskCategories", List.of("因病"))).post("/api/counties/" + county + "/clues").then().statusCode(400)
                .body("fields.field", hasItem("idNumber"));

        JsonPath other = clue(otherClerk, otherCounty, otherVillage, "19700202");
        assertEquals(machineDate().toString(), other.getString("reportedOn"), "the other county keeps the machine's date");
    }

    @Test
    void theGlobalDateAppliesWhereNoCountyHasItsOwnAndResetsGoBackStepByStep() {
        as("admin").body(Map.of("today", "2024-09-26", "county", county)).put("/api/admin/clock").then().statusCode(200);
        as("admin").body(Map.of("today", "2024-10-08")).put("/api/admin/clock").then().statusCode(200)
                .body("today", equalTo("2024-10-08")).body("counties." + county, equalTo("2024-09-26"));

        assertEquals("2024-10-08", clue(otherClerk, otherCounty, otherVillage, "19710303").getString("reportedOn"));
        assertEquals("2024-09-26", clue(clerk, county, village, "19710404").getString("reportedOn"), "a county's own date wins");

        as("admin").queryParam("county", county).delete("/api/admin/clock").then().statusCode(200)
                .body("counties." + county, nullValue()).body("today", equalTo("2024-10-08"));
        assertEquals("2024-10-08", clue(clerk, county, village, "19720505").getString("reportedOn"), "back on the global date");

        as("admin").delete("/api/admin/clock").then().statusCode(200).body("moved", equalTo(false));
        assertEquals(machineDate().toString(), clue(clerk, county, village, "19730606").getString("reportedOn"));

        List<String> audited = Sql.column("SELECT CONCAT(action, ' ', entity_id, ' ', COALESCE(after_json, '-')) FROM platform_audit_log"
                + " WHERE entity_type = 'app_clock' AND (entity_id = '" + county + "' OR entity_id = '*') ORDER BY id");
        assertTrue(audited.containsAll(List.of("SET " + county + " {\"today\":\"2024-09-26\"}", "SET * {\"today\":\"2024-10-08\"}",
                "RESET " + county + " -", "RESET * -")), audited.toString());
    }

    @Test
    void onlyThePlatformAdminMaySetTheDateAndOnlyForACountyThatExists() {
        Map<String, Object> body = Map.of("today", "2024-10-08", "county", county);
        as(countyAdmin).body(body).put("/api/admin/clock").then().statusCode(403);
        as("gansu-admin").body(body).put("/api/admin/clock").then().statusCode(403);
        as(countyAdmin).delete("/api/admin/clock").then().statusCode(403);
        anonymous().body(body).put("/api/admin/clock").then().statusCode(401);
        as("admin").body(Map.of("today", "2024-10-08", "county", "629999")).put("/api/admin/clock").then().statusCode(400)
                .body("fields.field", hasItem("county"));
        as("admin").body(Map.of("county", county)).put("/api/admin/clock").then().statusCode(400).body("fields.field", hasItem("today"));
        as("admin").get("/api/admin/clock").then().statusCode(200).body("moved", equalTo(false));
    }
}
