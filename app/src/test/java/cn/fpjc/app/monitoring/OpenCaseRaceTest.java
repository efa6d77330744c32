package cn.fpjc.app.monitoring;

import static cn.fpjc.app.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Parallel;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * "One case in progress per household" is closed by the database: 20 households, two requests each opening the
 * identification case from the household's confirmed clue, all 40 at once. Each household ends with exactly one open
 * case and the loser of each pair gets 409 CASE_ALREADY_OPEN, never a 500.
 */
@QuarkusTest
class OpenCaseRaceTest {
    static final int HOUSEHOLDS = 20;

    record Answer(long household, int status, String code) {
    }

    record County(String code, String village, String clerk) {
    }

    /** A fresh county with one village and its clerk. */
    private static County newCounty() {
        String county = Api.onboard("henan", "41");
        String admin = Api.createUser("t_race_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String village = Api.addTownshipAndVillage(admin, county, "101")[1];
        return new County(county, village, Api.createUser("t_race_clerk_" + county, Roles.VILLAGE_CLERK, county, village));
    }

    @Test
    void twentyParallelPairsOpenExactlyOneCaseEach() throws Exception {
        County c = newCounty();
        String county = c.code();
        String clerk = c.clerk();
        String village = c.village();
        String base = "/api/counties/" + county;

        Map<Long, Long> clueOf = confirmedClues(clerk, county, village, base, HOUSEHOLDS, "RC");

        List<Callable<Answer>> requests = new ArrayList<>();
        clueOf.forEach((h, clue) -> {
            for (int twice = 0; twice < 2; twice++) {
                requests.add(() -> {
                    Response r = as(clerk).body(Map.of("clueId", clue, "monitoringType", "突发严重困难户", "riskCategories", List.of("因病")))
                            .post(base + "/cases");
                    return new Answer(h, r.statusCode(), r.statusCode() == 201 ? null : r.jsonPath().getString("code"));
                });
            }
        });
        List<Answer> answers = Parallel.atOnce(requests);

        Map<Long, List<Answer>> byHousehold = answers.stream().collect(Collectors.groupingBy(Answer::household));
        assertEquals(HOUSEHOLDS, byHousehold.size());
        byHousehold.forEach((h, pair) -> {
            assertEquals(List.of(201, 409), pair.stream().map(Answer::status).sorted().toList(), "household " + h + ": " + pair);
            assertEquals("CASE_ALREADY_OPEN", pair.stream().filter(a -> a.status() == 409).findFirst().orElseThrow().code());
        });
        String ids = clueOf.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        List<String> open = Sql.column("SELECT COUNT(*) FROM " + Sql.database(county) + ".monitoring_case WHERE status = 'IN_PROGRESS'"
                + " AND household_id IN (" + ids + ") GROUP BY household_id");
        assertEquals(HOUSEHOLDS, open.size());
        assertTrue(open.stream().allMatch("1"::equals), open.toString());

        // The database itself refuses a second open case, whatever writes it; a finished case does not count.
        long household = clueOf.keySet().iterator().next();
        String insert = "INSERT INTO " + Sql.database(county) + ".monitoring_case (household_id, village_code, procedure_id, monitoring_type,"
                + " risk_categories, green_channel, status, started_on, created_at, created_by, version) VALUES (" + household + ", '"
                + village + "', 'identification', 'SUDDEN_HARDSHIP', 'ILLNESS', false, '%s', '2024-09-20', NOW(6), 'test', 0)";
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Sql.execute(insert.formatted("IN_PROGRESS")));
        assertTrue(refused.getCause().getMessage().contains("uk_case_open_household"), refused.getCause().getMessage());
        Sql.execute(insert.formatted("REJECTED"));
    }

    /** Households each with a clue verified as a risk, ready to open their identification case: household id → clue id. */
    private static Map<Long, Long> confirmedClues(String clerk, String county, String village, String base, int households, String prefix) {
        Map<Long, Long> clueOf = new HashMap<>();
        for (int i = 0; i < households; i++) {
            String person = Ids.of(String.format("1970%02d%02d", i % 12 + 1, i + 1), i % 2 == 0);
            Map<String, Object> head = Map.of("name", "赵守" + "一二三四五六七八九十".charAt(i % 10), "idNumber", person, "relation", "户主",
                    "labour", "普通劳动力", "health", "大病", "illness", "尿毒症");
            long h = as(clerk).body(Map.of("householdNo", prefix + county + i, "villageCode", village, "category", "一般农户",
                    "members", List.of(head))).post(base + "/households").then().statusCode(201).extract().jsonPath().getLong("id");
            long clue = as(clerk).body(Map.of("channel", "农户自主申报", "villageCode", village, "name", "赵守", "idNumber", person,
                    "description", "透析费用高", "riskCategories", List.of("因病"), "reportedOn", "2024-09-20"))
                    .post(base + "/clues").then().statusCode(201).extract().jsonPath().getLong("id");
            as(clerk).body(Map.of("result", "核实有风险，待启动识别程序", "note", "入户核实属实", "verifiedOn", "2024-09-21", "version", 0))
                    .post(base + "/clues/" + clue + "/verification").then().statusCode(200);
            clueOf.put(h, clue);
        }

        return clueOf;
    }

    /**
     * The same race through the page a clerk double-clicks (启动识别程序): both answers are pages, never the API's JSON 409 or
     * a 500 — the winner goes to the new case, the loser back to the clue with the Chinese message.
     */
    @Test
    void aDoubleClickOnThePageOpensOneCaseAndExplainsTheOther() throws Exception {
        County c = newCounty();
        String clerk = c.clerk();
        Map<Long, Long> clueOf = confirmedClues(clerk, c.code(), c.village(), "/api/counties/" + c.code(), 10, "RP");

        List<Callable<String>> clicks = new ArrayList<>();
        clueOf.forEach((h, clue) -> {
            for (int twice = 0; twice < 2; twice++) {
                clicks.add(() -> {
                    Response r = as(clerk).contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false)
                            .formParam("clueId", clue).formParam("monitoringType", "突发严重困难户").formParam("riskCategories", "因病")
                            .post("/cases");
                    String location = r.getHeader("Location");
                    // The loser's message travels in the server's flash cookie, never in the URL (issue 19).
                    String message = r.getCookie("fpjc_error");
                    return clue + " " + r.statusCode() + " " + (location == null ? r.asString() : location.replaceFirst("^https?://[^/]+", "")
                            + (message == null ? "" : " " + java.net.URLDecoder.decode(message, java.nio.charset.StandardCharsets.UTF_8)));
                });
            }
        });
        Map<String, List<String>> byClue = Parallel.atOnce(clicks).stream().collect(Collectors.groupingBy(a -> a.substring(0, a.indexOf(' '))));
        assertEquals(10, byClue.size());
        byClue.forEach((clue, pair) -> {
            List<String> sorted = pair.stream().map(a -> a.substring(a.indexOf(' ') + 1)).sorted().toList();
            assertTrue(sorted.get(0).matches("303 /cases/\\d+"), "the winner goes to its case: " + sorted);
            assertTrue(sorted.get(1).startsWith("303 /clues/" + clue + " 该户已有正在办理的程序"), "the loser is told why: " + sorted);
        });
    }
}
