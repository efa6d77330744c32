package cn.fpjc.app.funds;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import cn.fpjc.app.support.Api;
import cn.fpjc.core.platform.security.Roles;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A county with every funds role, and projects walked through the library by the API: declared, noticed, reviewed,
 * assessed, decided, announced (入库), approved (立项), completed and audited — moving the county's test clock past each
 * notice period. Callers reset the clock ({@link #resetClock}) after the test.
 */
public final class FundsFixture {
    /** A fresh county of {@code province}, one township and village, and a user of each role that works with funds. */
    public record County(String code, String township, String village, String admin, String approver, String finance, String dept,
            String reviewer, String clerk) {
        public String base() {
            return "/api/counties/" + code + "/funds";
        }
    }

    private FundsFixture() {
    }

    public static County county(String province, String provinceCode) {
        String code = Api.onboard(province, provinceCode);
        String admin = Api.createUser("t_fd_admin_" + code, Roles.COUNTY_ADMIN, code, code);
        String[] tv = Api.addTownshipAndVillage(admin, code, "101");
        return new County(code, tv[0], tv[1], admin, Api.createUser("t_fd_appr_" + code, Roles.COUNTY_APPROVER, code, code),
                Api.createUser("t_fd_fin_" + code, Roles.COUNTY_FINANCE, code, code), Api.createUser("t_fd_dept_" + code, Roles.DEPARTMENT, code, code),
                Api.createUser("t_fd_rev_" + code, Roles.TOWNSHIP_REVIEWER, code, tv[0]), Api.createUser("t_fd_clerk_" + code, Roles.VILLAGE_CLERK, code, tv[1]));
    }

    public static void setToday(County c, LocalDate today) {
        as("admin").body(Map.of("today", today.toString(), "county", c.code())).put("/api/admin/clock").then().statusCode(200);
    }

    public static void resetClock(County c) {
        as("admin").delete("/api/admin/clock?county=" + c.code()).then().statusCode(200);
    }

    /** Records an indicator document (its 文号 made unique per call); returns its id. */
    public static long allocation(County c, int year, String source, String amount, LocalDate receivedOn) {
        return as(c.admin()).body(Map.of("year", year, "docNumber", "测财农〔" + year + "〕" + System.nanoTime() + "号", "title", year + "年衔接资金指标",
                "source", source, "amount", amount, "receivedOn", receivedOn.toString())).post(c.base() + "/allocations").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** A public-welfare project of the fixture's village with one source, as a village clerk declares it. */
    public static Map<String, Object> project(County c, int year, String name, String category, String nature, Map<String, String> fundings) {
        List<Map<String, Object>> lines = new ArrayList<>();
        fundings.forEach((source, amount) -> lines.add(Map.of("source", source, "amount", amount)));
        Map<String, Object> body = new HashMap<>();
        body.put("year", year);
        body.put("name", name);
        body.put("category", category);
        body.put("nature", nature);
        body.put("usage", "INDUSTRY_PRODUCTION");
        body.put("villages", List.of(c.village()));
        body.put("content", "建设内容：" + name);
        body.put("implementer", "村股份经济合作社");
        body.put("fundings", lines);
        body.put("linkages", List.of(Map.of("kind", "ASSET_INCOME", "description", "资产收益由村集体统一分配，优先脱贫户和监测户")));
        body.put("targets", List.of(Map.of("kind", "BENEFIT", "indicator", "带动脱贫户（含监测户）增收", "targetValue", "30户")));
        return body;
    }

    public static long declare(County c, Map<String, Object> body) {
        return as(c.clerk()).body(body).post(c.base() + "/projects").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static JsonPath get(County c, long id) {
        return as(c.admin()).get(c.base() + "/projects/" + id).then().statusCode(200).extract().jsonPath();
    }

    static long version(County c, long id) {
        return get(c, id).getLong("version");
    }

    /** Walks a declared project to 已入库, starting on {@code start}; the clock ends on {@code start} + 15 days. */
    public static void list(County c, long id, LocalDate start) {
        String p = c.base() + "/projects/" + id;
        setToday(c, start);
        as(c.clerk()).body(notice("VILLAGE_NOTICE", start, start.plusDays(4), "村务公开栏")).post(p + "/notices").then().statusCode(200);
        setToday(c, start.plusDays(5));
        as(c.reviewer()).body(Map.of("approve", true, "opinion", "同意", "version", version(c, id))).post(p + "/township-review").then().statusCode(200)
                .body("status", equalTo("TOWNSHIP_REVIEWED"));
        as(c.reviewer()).body(notice("TOWNSHIP_NOTICE", start.plusDays(5), start.plusDays(9), "乡镇政务公开栏")).post(p + "/notices").then().statusCode(200);
        setToday(c, start.plusDays(10));
        as(c.dept()).body(Map.of("approve", true, "opinion", "论证可行", "version", version(c, id))).post(p + "/assessment").then().statusCode(200)
                .body("status", equalTo("ASSESSED"));
        as(c.approver()).body(Map.of("approve", true, "opinion", "同意入库", "version", version(c, id))).post(p + "/county-decision").then()
                .statusCode(200).body("status", equalTo("COUNTY_DECIDED"));
        as(c.admin()).body(notice("COUNTY_NOTICE", start.plusDays(10), start.plusDays(14), "县政府网站")).post(p + "/notices").then().statusCode(200);
        setToday(c, start.plusDays(15));
        as(c.admin()).body(notice("COUNTY_ANNOUNCEMENT", start.plusDays(15), null, "县政府网站")).post(p + "/notices").then().statusCode(200)
                .body("status", equalTo("LISTED"));
    }

    /** 立项批复 on the clock's today, each funding line paid by the allocation of its source in {@code bySource}. */
    public static JsonPath approve(County c, long id, Map<String, Long> bySource, LocalDate on) {
        JsonPath p = get(c, id);
        List<Map<String, Object>> choices = new ArrayList<>();
        for (Map<String, Object> f : p.<Map<String, Object>>getList("fundings")) {
            Long allocation = bySource.get((String) f.get("source"));
            if (allocation != null) {
                choices.add(Map.of("fundingId", f.get("id"), "allocationId", allocation));
            }
        }
        return as(c.approver()).body(Map.of("approvalDoc", "测政复〔" + on.getYear() + "〕" + id + "号", "approvedOn", on.toString(), "allocations", choices,
                "version", p.getLong("version"))).post(c.base() + "/projects/" + id + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED")).extract().jsonPath();
    }

    /** Declares, lists and approves a project from {@code start}; the clock ends on {@code start} + 15 days. */
    public static long approvedProject(County c, Map<String, Object> body, Map<String, Long> bySource, LocalDate start) {
        long id = declare(c, body);
        list(c, id, start);
        approve(c, id, bySource, start.plusDays(15));
        return id;
    }

    /** As {@link #approvedProject}, then completed and audited on the clock's day ({@code start} + 15). */
    public static long auditedProject(County c, Map<String, Object> body, Map<String, Long> bySource, LocalDate start) {
        long id = approvedProject(c, body, bySource, start);
        LocalDate on = start.plusDays(15);
        as(c.admin()).body(Map.of("date", on.toString(), "version", version(c, id))).post(c.base() + "/projects/" + id + "/completion").then()
                .statusCode(200).body("status", equalTo("COMPLETED"));
        as(c.admin()).body(Map.of("date", on.toString(), "version", version(c, id))).post(c.base() + "/projects/" + id + "/audit").then()
                .statusCode(200).body("status", equalTo("AUDITED"));
        return id;
    }

    static Map<String, Object> notice(String kind, LocalDate from, LocalDate to, String place) {
        Map<String, Object> m = new HashMap<>(Map.of("kind", kind, "startsOn", from.toString(), "place", place));
        if (to != null) {
            m.put("endsOn", to.toString());
        }
        return m;
    }
}
