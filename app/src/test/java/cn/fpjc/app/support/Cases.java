package cn.fpjc.app.support;

import static cn.fpjc.app.support.Api.as;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;

/** Driving procedure cases in tests. */
public final class Cases {
    private Cases() {
    }

    /**
     * Completes step {@code step} of case {@code id} as {@code who} on {@code on}, giving every evidence item the step asks
     * for (read as {@code reader}, who sees the case); expects 200 and returns the case.
     */
    public static JsonPath complete(String county, String reader, String who, long id, String step, String on) {
        String url = "/api/counties/" + county + "/cases/" + id;
        JsonPath c = as(reader).get(url).then().statusCode(200).extract().jsonPath();
        Map<String, String> evidence = new HashMap<>();
        c.<String>getList("steps.find { it.stepId == '" + step + "' }.evidenceRequired").forEach(i -> evidence.put(i, "已留存：" + i));
        if (evidence.containsKey("公示起止日期")) {
            // A 公示 put up the day the step before was done, for the province's minimum days (the API checks both).
            String before = c.getString("steps.findAll { it.completedOn != null }.max { it.seq }.completedOn");
            java.time.LocalDate from = java.time.LocalDate.parse(before == null ? c.getString("startedOn") : before);
            Object set = c.get("steps.find { it.stepId == '" + step + "' }.noticeFrom");
            int days = c.getInt("steps.find { it.stepId == '" + step + "' }.noticeMinDays");
            evidence.put("公示起止日期", set != null ? "" : from + " 至 " + from.plusDays(days - 1));
        }
        return as(who).body(Map.of("stepId", step, "evidence", evidence, "completedOn", on, "version", c.getLong("version"))).post(url + "/complete").then().statusCode(200)
                .extract().jsonPath();
    }
}
