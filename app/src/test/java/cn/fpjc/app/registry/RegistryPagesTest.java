package cn.fpjc.app.registry;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.registry.SyntheticRegistryService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 农户信息 pages and the 台账 export: search, detail with chart, reveal with a reason, masked everywhere. */
@QuarkusTest
class RegistryPagesTest {
    static String county;
    static String village;
    static String admin;
    static String headId;
    static long householdId;

    @Inject
    SyntheticRegistryService synthetic;

    @BeforeEach
    void data() {
        if (county != null) {
            return;
        }
        county = Api.onboard("gansu", "62");
        admin = Api.createUser("t_regp_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        village = Api.addTownshipAndVillage(admin, county, "101")[1];
        headId = Ids.of("19690412", true);
        Map<String, Object> head = new HashMap<>(Map.of("name", "马福祥", "idNumber", headId, "relation", "户主", "labour", "普通劳动力",
                "health", "长期慢性病", "illness", "高血压", "medicalInsured", true));
        Map<String, Object> body = new HashMap<>(Map.of("householdNo", "P" + county + "01", "villageCode", village, "category", "监测户",
                "members", List.of(head)));
        householdId = as(admin).body(body).post("/api/counties/" + county + "/households").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        for (int year = 2022; year <= 2023; year++) {
            as(admin).body(Map.of("year", year, "wage", year == 2022 ? "5000" : "9000", "productionNet", "1000"))
                    .put("/api/counties/" + county + "/households/" + householdId + "/incomes").then().statusCode(200);
        }
    }

    @Test
    void theListSearchesAndMasks() {
        String html = as(admin).queryParam("q", "马福").get("/households").then().statusCode(200)
                .body(containsString("共 1 户")).body(containsString("马福祥")).body(containsString("监测户"))
                .extract().asString();
        assertTrue(html.contains(headId.substring(0, 6) + "********" + headId.substring(14)));
        assertFalse(html.contains(headId));
        as(admin).queryParam("idNumber", "123").get("/households").then().statusCode(400).body(containsString("身份证号"));
        // The exact ID search from the page runs inside the page's transaction (the API's runs alone): the same household.
        String byId = as(admin).queryParam("idNumber", headId).get("/households").then().statusCode(200)
                .body(containsString("共 1 户")).body(containsString("马福祥")).body(containsString("P" + county + "01")).extract().asString();
        assertTrue(byId.contains(headId.substring(0, 6) + "********" + headId.substring(14)), byId); // the row shows it masked
        as(admin).queryParam("idNumber", Ids.of("19690413", true)).get("/households").then().statusCode(200).body(containsString("共 0 户"));
    }

    @Test
    void theDetailShowsMembersIncomesChartAndTrailAndRevealsOnlyWithAReason() {
        String html = as(admin).get("/households/" + householdId).then().statusCode(200)
                .body(containsString("户编号 P" + county + "01")).body(containsString("高血压"))
                .body(containsString("income-chart")).body(containsString("当年未设定"))
                .body(containsString("尚未评定")).body(containsString("audit-trail")).extract().asString();
        assertTrue(html.contains("<td class=\"audit-actor\"><span title=\"" + admin + "\">测试用户" + admin + "</span></td>"),
                "the audit trail names who did it by display name: " + html);
        assertFalse(html.contains(headId));
        long memberId = as(admin).get("/api/counties/" + county + "/households/" + householdId).jsonPath().getLong("members[0].id");
        as(admin).contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("reason", "").post("/households/" + householdId + "/members/" + memberId + "/reveal").then().statusCode(400)
                .body(containsString("查询事由")).body(not(containsString(headId)));
        as(admin).contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("reason", "医保核对").post("/households/" + householdId + "/members/" + memberId + "/reveal").then()
                .statusCode(200).header("Cache-Control", "no-store").body(containsString(headId));
    }

    @Test
    void theLedgerExportHasTheFiltersAndMaskedNumbers() throws Exception {
        byte[] xlsx = as(admin).queryParam("category", "监测户").get("/api/counties/" + county + "/households/export.xlsx")
                .then().statusCode(200).header("Content-Disposition", containsString("xlsx")).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals(3, rows.size(), "title, header, one household");
            assertEquals("户主身份证号（脱敏）", rows.get(1).getCellText(5));
            assertEquals("P" + county + "01", rows.get(2).getCellText(0));
            assertEquals(headId.substring(0, 6) + "********" + headId.substring(14), rows.get(2).getCellText(5));
            // The ledger's row says what the household list says: head, members, flags.
            io.restassured.path.json.JsonPath listed = as(admin).queryParam("q", "P" + county + "01").get("/api/counties/" + county + "/households")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(listed.getString("[0].headName"), rows.get(2).getCellText(4));
            assertEquals(listed.getString("[0].memberCount"), rows.get(2).getCellText(6));
            assertEquals(listed.getString("[0].villageName"), rows.get(2).getCellText(1));
            assertEquals("在册", rows.get(2).getCellText(9));
            String all = rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c.getText()).collect(Collectors.joining("|")))
                    .collect(Collectors.joining("\n"));
            assertFalse(all.contains(headId));
        }
        byte[] none = as(admin).queryParam("category", "一般农户").get("/api/counties/" + county + "/households/export.xlsx")
                .then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(none))) {
            assertEquals(2, wb.getFirstSheet().read().size());
        }
    }

    @Test
    void theLedgerOfACountyLargerThanOnePageHasEveryHouseholdOnceInOrder() throws Exception {
        String big = Api.onboard("gansu", "62");
        String bigAdmin = Api.createUser("t_regp_big_" + big, Roles.COUNTY_ADMIN, big, big);
        Api.addTownshipAndVillage(bigAdmin, big, "101");
        Api.addTownshipAndVillage(bigAdmin, big, "102");
        int generated = synthetic.generate(big, 2345, 7).households();
        byte[] xlsx = as(bigAdmin).get("/api/counties/" + big + "/households/export.xlsx").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            List<String> keys = rows.subList(2, rows.size()).stream().map(r -> r.getCellText(2) + "/" + r.getCellText(0)).toList();
            assertEquals(generated, keys.size(), "every household, across three pages of 1000");
            assertEquals(generated, Set.copyOf(keys).size(), "none twice");
            assertEquals(keys.stream().sorted().toList(), keys, "ordered by village and 户编号");
        }
        // The generated households keep their heads' names, as written ones do (the demo's and the benchmarks' inbox reads them).
        String db = Sql.database(big);
        assertEquals(List.of(String.valueOf(generated)), Sql.column("SELECT COUNT(*) FROM " + db + ".household h JOIN " + db + ".member m"
                + " ON m.household_id = h.id AND m.active = TRUE AND m.relation = 'HEAD' WHERE h.head_name = m.name"));
    }
}
