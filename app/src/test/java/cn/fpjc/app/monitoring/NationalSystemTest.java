package cn.fpjc.app.monitoring;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Cases;
import cn.fpjc.core.platform.security.Roles;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The national system (全国防止返贫监测信息系统): the export of monitored households and their assistance (columns, a known
 * row, masked ID numbers, the reader's scope, the 说明 sheet) and the import of its 数据比对 lists into risk clues (every
 * row accepted with a tracking number or refused with its reason; refused rows leave nothing behind).
 */
@QuarkusTest
class NationalSystemTest {
    static String county;
    static String village;
    static String villageName;
    static String otherVillage;
    static String admin;
    static String approver;
    static String clerk;
    static String otherClerk;
    static String official;
    static String dept;
    static String headId;
    static String otherHeadId;
    static String ordinaryId;
    static long household;

    @BeforeEach
    void data() {
        if (county != null) {
            return;
        }
        county = Api.onboard("jiangxi", "36");
        admin = Api.createUser("t_nat_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] a = Api.addTownshipAndVillage(admin, county, "101");
        String[] b = Api.addTownshipAndVillage(admin, county, "102");
        village = a[1];
        otherVillage = b[1];
        villageName = as(admin).get("/api/counties/" + county + "/org-units/" + village).then().statusCode(200).extract().path("name");
        approver = Api.createUser("t_nat_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        clerk = Api.createUser("t_nat_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        otherClerk = Api.createUser("t_nat_clerk2_" + county, Roles.VILLAGE_CLERK, county, otherVillage);
        official = Api.createUser("t_nat_off_" + county, Roles.RESPONSIBLE_OFFICIAL, county, village);
        dept = Api.createUser("t_nat_dept_" + county, Roles.DEPARTMENT, county, county);
        String reviewer = Api.createUser("t_nat_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, a[0]);
        String otherReviewer = Api.createUser("t_nat_rev2_" + county, Roles.TOWNSHIP_REVIEWER, county, b[0]);
        headId = Ids.of("19700315", true);
        otherHeadId = Ids.of("19720416", false);
        ordinaryId = Ids.of("19810517", false);
        household = household(clerk, village, "NA" + county, List.of(member("赵德·明", headId, "户主", "普通劳动力", "健康"),
                member("赵小花", Ids.of("20080101", false), "子女", "普通劳动力", "健康")));
        long other = household(otherClerk, otherVillage, "NB" + county, List.of(member("钱立", otherHeadId, "户主", "普通劳动力", "健康")));
        household(clerk, village, "NC" + county, List.of(member("孙桂兰", ordinaryId, "户主", "弱劳动力或半劳动力", "大病")));
        long c = identified(clerk, reviewer, household);
        identified(otherClerk, otherReviewer, other);
        as(clerk).body(Map.of("year", 2023, "wage", "18000", "productionNet", "2000", "property", "0", "transfer", "1000", "expenses", "3000"))
                .put("/api/counties/" + county + "/households/" + household + "/incomes").then().statusCode(200);
        String plan = "/api/counties/" + county + "/cases/" + c + "/plan";
        as(clerk).body(Api.versioned(clerk, plan, Map.of("responsibleOfficial", "李帮扶", "responsiblePhone", "0797-2345678", "labourWilling", true,
                "measures", List.of(Map.of("type", "产业帮扶", "risks", List.of("因病"), "startOn", "2024-10-20"))))).put(plan).then().statusCode(200);
    }

    static Map<String, Object> member(String name, String id, String relation, String labour, String health) {
        Map<String, Object> m = new HashMap<>(Map.of("name", name, "idNumber", id, "relation", relation, "labour", labour, "health", health));
        if ("大病".equals(health)) {
            m.put("illness", "尿毒症");
        }
        return m;
    }

    static long household(String who, String inVillage, String no, List<Map<String, Object>> members) {
        return as(who).body(Map.of("householdNo", no, "villageCode", inVillage, "category", "一般农户", "members", members))
                .post("/api/counties/" + county + "/households").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Identification through all seven steps, approved by the county on 16 Oct 2024. */
    static long identified(String villageClerk, String reviewer, long h) {
        long id = as(villageClerk).body(Map.of("householdId", h, "monitoringType", "突发严重困难户", "riskCategories", List.of("因病", "因意外事故"),
                "greenChannel", false, "startedOn", "2024-09-20")).post("/api/counties/" + county + "/cases").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        for (String[] s : new String[][] {{"verify", "2024-09-23"}, {"authorize", "2024-09-24"}, {"review", "2024-10-09"}, {"notice", "2024-10-14"}}) {
            Cases.complete(county, villageClerk, villageClerk, id, s[0], s[1]);
        }
        Cases.complete(county, villageClerk, reviewer, id, "township", "2024-10-15");
        Cases.complete(county, villageClerk, approver, id, "county", "2024-10-16");
        Cases.complete(county, villageClerk, villageClerk, id, "entry", "2024-10-20");
        return id;
    }

    static String masked(String id) {
        return id.substring(0, 6) + "********" + id.substring(14);
    }

    static byte[] export(String who, String query) {
        return as(who).get("/api/counties/" + county + "/monitoring/national-export.xlsx" + query).then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")).extract().asByteArray();
    }

    static Map<String, List<List<String>>> sheets(byte[] xlsx) throws Exception {
        Map<String, List<List<String>>> sheets = new java.util.LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : wb.getSheets().toList()) {
                List<List<String>> rows = new ArrayList<>();
                for (Row r : s.read()) {
                    rows.add(r.stream().map(c -> c == null ? "" : c.getText()).toList());
                }
                sheets.put(s.getName(), rows);
            }
        }
        return sheets;
    }

    @Test
    void theExportHasOneRowPerMonitoredHouseholdWithItsAssistanceMaskedIdsAndASheetOfSourcesAndAssumptions() throws Exception {
        Map<String, List<List<String>>> all = sheets(export(admin, ""));
        assertEquals(List.of("监测户", "家庭成员", "说明"), List.copyOf(all.keySet()));
        List<List<String>> rows = all.get("监测户");
        List<String> headers = rows.get(1);
        assertEquals(List.of("序号", "县级行政区划代码", "乡（镇）", "行政村", "村级行政区划代码", "户编号", "户主姓名", "户主证件号码（脱敏）", "家庭人口数",
                "户类型", "监测对象类别", "风险类别", "识别纳入日期", "风险状态", "风险状态日期", "易地搬迁户", "整户无劳动能力", "收入年度", "人均纯收入（元）",
                "帮扶责任人", "帮扶计划制定（调整）日期", "帮扶措施", "小额信贷", "已到账帮扶资金（元）", "到账资金明细"), headers);
        assertEquals(4, rows.size(), "title, header, two monitored households (the ordinary one is not monitored)");
        List<String> row = rows.stream().filter(r -> r.size() > 5 && ("NA" + county).equals(r.get(5))).findFirst().orElseThrow();
        Map<String, String> cell = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            cell.put(headers.get(i), i < row.size() ? row.get(i) : "");
        }
        assertEquals(county, cell.get("县级行政区划代码"));
        assertEquals(village, cell.get("村级行政区划代码"));
        assertEquals(villageName, cell.get("行政村"));
        assertEquals("赵德·明", cell.get("户主姓名"));
        assertEquals(masked(headId), cell.get("户主证件号码（脱敏）"));
        assertEquals("2", cell.get("家庭人口数"));
        assertEquals("监测户", cell.get("户类型"));
        assertEquals("突发严重困难户", cell.get("监测对象类别"));
        assertEquals("因病、因意外事故", cell.get("风险类别"));
        assertEquals("2024-10-16", cell.get("识别纳入日期"));
        assertEquals("风险未消除", cell.get("风险状态"));
        assertEquals("2024-10-16", cell.get("风险状态日期"));
        assertEquals("2023", cell.get("收入年度"));
        assertEquals(9000.0, Double.parseDouble(cell.get("人均纯收入（元）")), 0.001, "(18000 + 2000 + 1000 − 3000) / 2");
        assertEquals("李帮扶", cell.get("帮扶责任人"));
        assertTrue(cell.get("帮扶措施").startsWith("产业帮扶（全户，2024-10-20起）"), cell.get("帮扶措施"));
        assertEquals("", cell.get("小额信贷"));
        assertEquals(0.0, Double.parseDouble(cell.get("已到账帮扶资金（元）")), 0.001);
        List<List<String>> members = all.get("家庭成员");
        assertEquals(List.of("赵德·明", "赵小花"), members.stream().filter(r -> ("NA" + county).equals(r.get(0))).map(r -> r.get(1)).toList());
        assertTrue(members.stream().anyMatch(r -> r.contains(masked(headId)) && r.contains("男") && r.contains("户主")));
        // No full ID number anywhere, no seed file name in what people read; the 说明 sheet names the documents and the assumptions.
        String text = all.values().stream().flatMap(List::stream).map(r -> String.join("|", r)).collect(Collectors.joining("\n"));
        assertFalse(text.contains(headId) || text.contains(otherHeadId), "ID numbers are masked in every sheet");
        String notes = all.get("说明").stream().map(r -> String.join("|", r)).collect(Collectors.joining("\n"));
        assertTrue(notes.contains("黑农办发〔2024〕7号") && notes.contains("民农领发〔2024〕9号"), notes);
        assertTrue(notes.contains("脱敏") && notes.contains("完整号码由全国系统"), notes);
        assertTrue(notes.contains("未给出该系统上传模板的列名"), notes);
        assertFalse(notes.matches("(?s).*(\\b00[0-4] |\\.txt|\\.md|domain/).*"), notes);
        for (String header : headers) {
            assertTrue(all.get("说明").stream().anyMatch(r -> r.size() > 3 && "监测户".equals(r.get(0)) && header.equals(r.get(1)) && !r.get(3).isBlank()),
                    "every column has its source and assumption: " + header);
        }
    }

    @Test
    void aVillageClerkExportsOnlyTheirVillageAndOthersAreRefused() throws Exception {
        List<List<String>> rows = sheets(export(clerk, "")).get("监测户");
        assertEquals(3, rows.size(), "title, header, the clerk's village's household only");
        assertEquals("NA" + county, rows.get(2).get(5));
        assertEquals(3, sheets(export(otherClerk, "")).get("监测户").size());
        assertEquals("NB" + county, sheets(export(otherClerk, "")).get("监测户").get(2).get(5));
        assertEquals(2, sheets(export(admin, "?state=ELIMINATED")).get("监测户").size(), "no household has its risk eliminated");
        assertEquals(3, sheets(export(admin, "?village=" + otherVillage + "&state=风险未消除")).get("监测户").size());
        String url = "/api/counties/" + county + "/monitoring/national-export.xlsx";
        as(clerk).queryParam("village", otherVillage).get(url).then().statusCode(404);
        as(admin).queryParam("state", "消除中").get(url).then().statusCode(400).body("fields[0].field", equalTo("state"));
        as(official).get(url).then().statusCode(403);
        as(dept).get(url).then().statusCode(403);
        String otherCounty = Api.onboard("jiangxi", "36");
        String stranger = Api.createUser("t_nat_stranger_" + otherCounty, Roles.COUNTY_ADMIN, otherCounty, otherCounty);
        as(stranger).get(url).then().statusCode(403);
        RestAssured.given().get(url).then().statusCode(401);
    }

    static JsonPath upload(String who, String fileName, byte[] content, String reportedOn, int status) {
        var spec = RestAssured.given().auth().oauth2(Api.token(who)).multiPart("file", fileName, content,
                fileName.endsWith(".csv") ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        if (reportedOn != null) {
            spec = spec.multiPart("reportedOn", reportedOn);
        }
        return spec.post("/api/counties/" + county + "/monitoring/national-comparison").then().statusCode(status).extract().jsonPath();
    }

    @Test
    void aComparisonListBecomesCluesAndEveryOtherRowIsRefusedWithItsReason() {
        String stranger = Ids.of("19850606", true);
        String placed = Ids.of("19860707", false);
        String pending = Ids.of("19870808", true);
        String nowhere = Ids.of("19880909", true);
        // A clue about `pending` waits for 入户核实 already.
        as(clerk).body(Map.of("channel", "农户自主申报", "sourceDetail", "村委会", "villageCode", village, "name", "周未核", "idNumber", pending,
                "description", "家中老人住院，费用较高", "riskCategories", List.of("因病"))).post("/api/counties/" + county + "/clues").then().statusCode(201);
        String bad = ordinaryId.substring(0, 17) + (ordinaryId.charAt(17) == '0' ? '1' : '0');
        String csv = "姓名,证件号码,村代码,比对类型,风险类别,比对情况\n"
                + "孙桂兰," + ordinaryId + ",,医保高额自付,因病,2024年医疗自付费用超过上年人均可支配收入50%\n"  // 2 accepted
                + "孙桂兰," + ordinaryId + ",,医保高额自付,因病,重复\n"                                     // 3 same person
                + "错号," + bad + ",,,,\n"                                                                   // 4 checksum
                + "外村人," + stranger + ",999999999999,低保边缘,,\n"                                       // 5 unknown village
                + "吴新来," + placed + "," + villageName + ",残联比对,因残,新增重度残疾\n"                   // 6 accepted, not registered
                + "周未核," + pending + ",,医保高额自付,因病,\n"                                              // 7 open clue
                + "赵德·明," + headId + "," + village + ",务工收入下降,因务工就业不稳,\n"                     // 8 attached
                + "郑无村," + nowhere + ",,,,\n"                                                               // 9 no village
                + "陈某," + Ids.of("19890101", true) + "," + village + ",,因穷,\n";                             // 10 unknown category
        JsonPath r = upload(approver, "比对结果.csv", csv.getBytes(StandardCharsets.UTF_8), "2024-09-28", 200);
        assertEquals(9, r.getInt("received"), r.prettify());
        assertEquals(3, r.getInt("accepted"), r.prettify());
        assertEquals(1, r.getInt("attached"), r.prettify());
        assertEquals(6, r.getInt("refused"), r.prettify());
        Map<Integer, Map<String, Object>> byRow = new HashMap<>();
        r.<Map<String, Object>>getList("rows").forEach(x -> byRow.put((Integer) x.get("row"), x));
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10), byRow.keySet().stream().sorted().toList());
        assertEquals(true, byRow.get(2).get("accepted"));
        assertTrue(((String) byRow.get(2).get("trackingNo")).matches(county + "-[2-9A-Z]{8}"), r.prettify());
        assertEquals("待核实", byRow.get(2).get("statusLabel"));
        assertEquals("与本文件第2行是同一人", byRow.get(3).get("note"));
        assertTrue(((String) byRow.get(4).get("note")).contains("校验码"), r.prettify());
        assertTrue(((String) byRow.get(5).get("note")).contains("不是本县的村"), r.prettify());
        assertEquals(true, byRow.get(6).get("accepted"));
        assertEquals(village, byRow.get(6).get("villageCode"));
        assertTrue(((String) byRow.get(6).get("note")).contains("没有此人"), r.prettify());
        assertTrue(((String) byRow.get(7).get("note")).contains("已有待核实的线索"), r.prettify());
        assertEquals(true, byRow.get(8).get("accepted"));
        assertEquals("已并入在监测户", byRow.get(8).get("statusLabel"));
        assertTrue(((String) byRow.get(9).get("note")).contains("未给出所在村"), r.prettify());
        assertFalse((Boolean) byRow.get(10).get("accepted"));
        assertEquals(masked(ordinaryId), byRow.get(3).get("idMasked"));
        assertFalse(r.prettify().contains(ordinaryId) || r.prettify().contains(stranger) || r.prettify().contains(headId), "IDs come back masked");
        // The accepted clue: 部门筛查预警 from the comparison, due for 入户核实 on the working-day calendar, seen by the clerk.
        long clue = ((Number) byRow.get(2).get("clueId")).longValue();
        as(clerk).get("/api/counties/" + county + "/clues/" + clue).then().statusCode(200).body("channel", equalTo("DEPARTMENT_ALERT"))
                .body("sourceDetail", equalTo("全国系统数据比对（医保高额自付）")).body("reportedOn", equalTo("2024-09-28"))
                .body("description", equalTo("2024年医疗自付费用超过上年人均可支配收入50%")).body("riskCategories", equalTo(List.of("因病")));
        // Refused rows left nothing: the comparison's clues are exactly the three accepted.
        List<Map<String, Object>> fromComparison = as(admin).queryParam("status", "").queryParam("channel", "部门筛查预警").queryParam("size", 200)
                .get("/api/counties/" + county + "/clues").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("")
                .stream().filter(c -> ((String) c.get("sourceDetail")).startsWith("全国系统数据比对") && "2024-09-28".equals(c.get("reportedOn"))).toList();
        assertEquals(3, fromComparison.size(), fromComparison.toString());
        // The same list again: the two new clues now wait for 入户核实, so only the monitored household is taken again.
        JsonPath again = upload(approver, "比对结果.csv", csv.getBytes(StandardCharsets.UTF_8), null, 200);
        assertEquals(1, again.getInt("accepted"), again.prettify());
    }

    /**
     * A registered person goes to the registry's village even when the list's village is wrong or unknown; a different name
     * on the list is noted for the visit; several categories in one cell are all taken.
     */
    @Test
    void aRegisteredPersonIsTakenWhateverTheListSaysOfVillageAndName() {
        String person = Ids.of("19670707", true);
        household(clerk, village, "NF" + county, List.of(member("钱满仓", person, "户主", "普通劳动力", "健康")));
        String csv = "姓名,证件号码,村代码,比对类型,风险类别\n钱满苍," + person + ",999999999999,医保高额自付,\"因病、因残\"\n";
        JsonPath r = upload(approver, "比对.csv", csv.getBytes(StandardCharsets.UTF_8), null, 200);
        assertEquals(1, r.getInt("accepted"), r.prettify());
        assertEquals(village, r.getString("rows[0].villageCode"));
        assertTrue(r.getString("rows[0].note").contains("名单所列村与农户信息不一致") && r.getString("rows[0].note").contains("名单姓名“钱满苍”"),
                r.prettify());
        as(clerk).get("/api/counties/" + county + "/clues/" + r.getLong("rows[0].clueId")).then().statusCode(200)
                .body("personName", equalTo("钱满仓")).body("riskCategories", equalTo(List.of("因病", "因残")));
    }

    @Test
    void anXlsxListIsReadAndOnlyCountyStaffMayImport() throws Exception {
        String person = Ids.of("19660606", true);
        household(clerk, village, "ND" + county, List.of(member("冯长顺", person, "户主", "普通劳动力", "健康")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
        org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("比对结果");
        String[] header = {"序号", "身份证号", "姓名", "所在村", "预警类型", "比对结果"};
        String[] line = {"1", person, "冯长顺", villageName, "住房安全", "房屋鉴定为C级"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
            ws.value(1, c, line[c]);
        }
        wb.finish();
        JsonPath r = upload(admin, "比对.xlsx", out.toByteArray(), null, 200);
        assertEquals(1, r.getInt("accepted"), r.prettify());
        assertNull(r.get("rows[0].note"), r.prettify());
        for (String lower : List.of(clerk, official, dept)) {
            upload(lower, "比对.xlsx", out.toByteArray(), null, 403);
        }
        upload(admin, "比对.csv", "姓名,电话\n张三,123\n".getBytes(StandardCharsets.UTF_8), null, 400);
        upload(admin, "比对.doc", new byte[] {1, 2}, null, 400);
        upload(admin, "比对.xlsx", out.toByteArray(), "2999-01-01", 400);
        RestAssured.given().multiPart("file", "a.csv", "身份证号\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/counties/" + county + "/monitoring/national-comparison").then().statusCode(401);
    }

    @Test
    void thePagesOfferTheExportToStaffAndTheImportToCountyStaff() {
        as(clerk).queryParam("state", "UNRESOLVED").get("/cases").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("id=\"national-export\" href=\"/api/counties/" + county
                        + "/monitoring/national-export.xlsx?state=UNRESOLVED\""));
        as(official).get("/cases").then().statusCode(200).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("national-export")));
        as(approver).get("/clues").then().statusCode(200).body(org.hamcrest.Matchers.containsString("/clues/national-comparison"));
        as(clerk).get("/clues").then().statusCode(200).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/clues/national-comparison")));
        as(clerk).get("/clues/national-comparison").then().statusCode(403).body(org.hamcrest.Matchers.containsString("只有县级管理员和县级审定人员"));
        String csv = "身份证号,姓名,所在村\n" + Ids.of("19750505", true) + ",何新,不存在村\n";
        String html = RestAssured.given().auth().oauth2(Api.token(approver)).multiPart("file", "比对.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/clues/national-comparison").then().statusCode(200).extract().asString();
        assertTrue(html.contains("不予登记 <strong>1</strong> 行") && html.contains("所在村“不存在村”不是本县的村"), html);
        String refused = RestAssured.given().auth().oauth2(Api.token(approver)).multiPart("file", "比对.doc", new byte[] {1, 2}, "application/msword")
                .post("/clues/national-comparison").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("未能导入"), refused);
    }
}
