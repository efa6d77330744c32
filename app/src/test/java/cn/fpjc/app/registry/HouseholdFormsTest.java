package cn.fpjc.app.registry;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.province.testexample.ExampleProvincePlugin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry's forms in the web UI: a clerk creates a household with its head, corrects it, adds, edits and removes
 * members, records incomes and 三保障. Every refusal shows the form again with the typed values and the message beside its
 * input; province extra fields (the example province asks for 所在自然村) take part like the core fields.
 */
@QuarkusTest
class HouseholdFormsTest {
    static String county;
    static String village;
    static String otherVillage;
    static String clerk;
    static String otherClerk;
    static String official;
    static String stranger;

    @BeforeEach
    void data() {
        if (county != null) {
            return;
        }
        county = Api.onboard(ExampleProvincePlugin.ID, "98");
        String admin = Api.createUser("t_hf_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        village = Api.addTownshipAndVillage(admin, county, "101")[1];
        otherVillage = Api.addTownshipAndVillage(admin, county, "102")[1];
        clerk = Api.createUser("t_hf_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        otherClerk = Api.createUser("t_hf_clerk2_" + county, Roles.VILLAGE_CLERK, county, otherVillage);
        official = Api.createUser("t_hf_official_" + county, Roles.RESPONSIBLE_OFFICIAL, county, village);
        String otherCounty = Api.onboard(ExampleProvincePlugin.ID, "98");
        stranger = Api.createUser("t_hf_stranger_" + otherCounty, Roles.COUNTY_ADMIN, otherCounty, otherCounty);
    }

    static RequestSpecification form(String user) {
        return as(user).contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false);
    }

    static Map<String, String> newHousehold(String no, String headId) {
        Map<String, String> f = new HashMap<>();
        f.put("householdNo", no);
        f.put("villageCode", village);
        f.put("address", "一组12号");
        f.put("category", "监测户");
        f.put("x.hamlet", "上庄");
        f.put("head.name", "王秀英");
        f.put("head.idNumber", headId);
        f.put("head.labour", "普通劳动力");
        f.put("head.health", "健康");
        f.put("head.medicalInsured", "true");
        f.put("head.x.oneCard", "是");
        return f;
    }

    static long create(String no, String headId) {
        String location = form(clerk).formParams(newHousehold(no, headId)).post("/households/new").then().statusCode(303)
                .header("Location", containsString("/households/")).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static JsonPath api(long id) {
        return as(clerk).get("/api/counties/" + county + "/households/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aClerkCreatesAHouseholdWithItsHeadAndProvinceFields() {
        form(clerk).get("/households/new").then().statusCode(200).body(containsString("所在自然村"))
                .body(containsString("惠民惠农一卡通")).body(containsString("name=\"head.x.oneCard\""));
        String headId = Ids.of("19700305", false);
        long id = create("HF" + county + "01", headId);
        JsonPath h = api(id);
        assertEquals("监测户", h.getString("categoryLabel"));
        assertEquals("上庄", h.getString("extra.hamlet"));
        assertEquals("户主", h.getString("members[0].relationLabel"));
        assertEquals(true, h.getBoolean("members[0].extra.oneCard"));
        as(clerk).get("/households/" + id).then().statusCode(200).body(containsString("修改户信息")).body(containsString("添加成员"))
                .body(not(containsString(headId)));
    }

    @Test
    void aRefusedHouseholdComesBackWithTheMessagesBesideTheInputsAndNothingStored() {
        Map<String, String> f = newHousehold("HF" + county + "02", "110101197003051234");
        f.remove("x.hamlet");
        f.put("head.health", "残疾");
        String html = form(clerk).formParams(f).post("/households/new").then().statusCode(400)
                .body(containsString("data-field=\"idNumber\"")).body(containsString("请填写「所在自然村」"))
                .body(containsString("残疾人须填写残疾等级")).body(containsString("value=\"HF" + county + "02\""))
                .extract().asString();
        assertTrue(html.contains("请按各栏提示修改"));
        as(clerk).queryParam("q", "HF" + county + "02").get("/api/counties/" + county + "/households").then().statusCode(200)
                .header("X-Total-Count", "0");
    }

    @Test
    void theHouseholdFormEditsWithItsVersionAndRefusesAStaleOne() {
        long id = create("HF" + county + "03", Ids.of("19650101", true));
        String page = form(clerk).get("/households/" + id + "/edit").then().statusCode(200).body(containsString("value=\"上庄\""))
                .extract().asString();
        assertTrue(page.contains("name=\"version\""));
        Map<String, String> f = newHousehold("HF" + county + "03", "");
        f.keySet().removeIf(k -> k.startsWith("head."));
        f.put("address", "二组3号");
        f.put("relocated", "true");
        f.put("version", "0");
        form(clerk).formParams(f).post("/households/" + id + "/edit").then().statusCode(303);
        JsonPath h = api(id);
        assertEquals("二组3号", h.getString("address"));
        assertTrue(h.getBoolean("relocated"));
        f.put("address", "旧页面");
        form(clerk).formParams(f).post("/households/" + id + "/edit").then().statusCode(409).body(containsString("已被他人修改"));
        assertEquals("二组3号", api(id).getString("address"));
    }

    @Test
    void membersAreAddedEditedWithoutRetypingTheNumberAndRemovedWithAReason() {
        long id = create("HF" + county + "04", Ids.of("19600808", true));
        String childId = Ids.of("20150601", false);
        Map<String, String> m = new HashMap<>(Map.of("name", "王小花", "idNumber", childId, "relation", "子女", "labour", "无劳动力",
                "health", "健康", "schooling", "小学", "medicalInsured", "true"));
        form(clerk).formParams(m).post("/households/" + id + "/members/new").then().statusCode(303);
        JsonPath h = api(id);
        long childMember = h.getLong("members.find { it.name == '王小花' }.id");
        String edit = form(clerk).get("/households/" + id + "/members/" + childMember + "/edit").then().statusCode(200)
                .body(containsString("显示的是脱敏号码")).extract().asString();
        assertFalse(edit.contains(childId), "the edit form shows the masked number only");
        String masked = childId.substring(0, 6) + "********" + childId.substring(14);
        assertTrue(edit.contains(masked));
        m.put("idNumber", masked);
        m.put("schooling", "初中");
        m.put("version", "0");
        form(clerk).formParams(m).post("/households/" + id + "/members/" + childMember + "/edit").then().statusCode(303);
        assertEquals("初中", api(id).getString("members.find { it.name == '王小花' }.schoolingLabel"));
        form(clerk).formParam("reason", "").post("/households/" + id + "/members/" + childMember + "/remove").then().statusCode(400)
                .body(containsString("请填写减少原因"));
        form(clerk).formParam("reason", "迁出本县").post("/households/" + id + "/members/" + childMember + "/remove").then()
                .statusCode(303);
        assertFalse(api(id).getBoolean("members.find { it.name == '王小花' }.active"));
        // A second head is refused beside the relation input.
        Map<String, String> second = new HashMap<>(Map.of("name", "王大", "idNumber", Ids.of("19620202", true), "relation", "户主",
                "labour", "普通劳动力", "health", "健康"));
        form(clerk).formParams(second).post("/households/" + id + "/members/new").then().statusCode(400)
                .body(containsString("data-field=\"relation\"")).body(containsString("该户已有户主"));
    }

    @Test
    void incomesAndGuaranteeAreRecordedThroughTheirForms() {
        long id = create("HF" + county + "05", Ids.of("19580303", true));
        form(clerk).get("/households/" + id + "/incomes").then().statusCode(200).body(containsString("工资性收入"));
        form(clerk).formParams(Map.of("year", "2024", "wage", "一万", "transfer", "800")).post("/households/" + id + "/incomes").then()
                .statusCode(400).body(containsString("请填写金额"));
        form(clerk).formParams(Map.of("year", "2024", "wage", "12000", "productionNet", "-500", "transfer", "800", "expenses", "300"))
                .post("/households/" + id + "/incomes").then().statusCode(303).header("Location", endsWith("#incomes"));
        assertEquals(0, new java.math.BigDecimal("12000").compareTo(new java.math.BigDecimal(api(id).getString("incomes[0].perCapita"))));
        form(clerk).queryParam("year", 2024).get("/households/" + id + "/incomes").then().statusCode(200)
                .body(containsString("value=\"12000.00\""));

        form(clerk).formParams(Map.of("educationOk", "true", "housingGrade", "B级")).post("/households/" + id + "/guarantee").then()
                .statusCode(400).body(containsString("data-field=\"medicalOk\"")).body(containsString("请选择是否达标"));
        assertEquals(null, (Object) api(id).get("guarantee"));
        Map<String, String> g = new HashMap<>(Map.of("educationOk", "true", "medicalOk", "true", "housingGrade", "C级",
                "waterQuantityOk", "true", "waterQualityOk", "false", "waterConvenienceOk", "true", "waterGuaranteeOk", "true"));
        form(clerk).formParams(g).post("/households/" + id + "/guarantee").then().statusCode(303);
        JsonPath h = api(id);
        assertEquals("C", h.getString("guarantee.housingGrade"));
        assertFalse(h.getBoolean("guarantee.allSecured"));
        as(clerk).get("/households/" + id).then().body(containsString("危房"));
    }

    @Test
    void formsFollowTheOrgScopeAndTheWriterRoles() {
        long id = create("HF" + county + "06", Ids.of("19770707", false));
        for (String path : new String[] { "/edit", "/members/new", "/incomes", "/guarantee" }) {
            ValidatableResponse other = form(otherClerk).get("/households/" + id + path).then();
            other.statusCode(404);
            form(stranger).get("/households/" + id + path).then().statusCode(404);
            form(official).get("/households/" + id + path).then().statusCode(403);
        }
        form(official).get("/households/new").then().statusCode(403);
        form(otherClerk).formParams(Map.of("address", "越权", "householdNo", "HF" + county + "06", "villageCode", village,
                "category", "监测户", "x.hamlet", "上庄")).post("/households/" + id + "/edit").then().statusCode(404);
        form(official).formParams(Map.of("year", "2024", "wage", "1")).post("/households/" + id + "/incomes").then().statusCode(403);
        // A clerk cannot put a household into another village.
        Map<String, String> f = newHousehold("HF" + county + "07", Ids.of("19800101", true));
        f.put("villageCode", otherVillage);
        form(clerk).formParams(f).post("/households/new").then().statusCode(400).body(containsString("data-field=\"villageCode\""));
        as(clerk).get("/households/" + id).then().statusCode(200).body(containsString("修改户信息"));
        form(official).get("/households/" + id).then().statusCode(200).body(not(containsString("修改户信息")));
    }

    @Test
    void splitMoveAndMergeThroughTheChangesPage() {
        long a = create("HF" + county + "08", Ids.of("19550505", true));
        long b = create("HF" + county + "09", Ids.of("19560606", true));
        for (String[] p : new String[][] { { "李桂芝", Ids.of("19570707", false), "配偶" }, { "李强", Ids.of("19850808", true), "子女" },
                { "李敏", Ids.of("19880909", false), "子女" } }) {
            form(clerk).formParams(Map.of("name", p[0], "idNumber", p[1], "relation", p[2], "labour", "普通劳动力", "health", "健康"))
                    .post("/households/" + a + "/members/new").then().statusCode(303);
        }
        JsonPath h = api(a);
        long spouse = h.getLong("members.find { it.name == '李桂芝' }.id");
        long son = h.getLong("members.find { it.name == '李强' }.id");
        long daughter = h.getLong("members.find { it.name == '李敏' }.id");
        form(clerk).get("/households/" + a + "/changes").then().statusCode(200).body(containsString("分户")).body(containsString("李强"));

        form(clerk).formParams(Map.of("newHouseholdNo", "HF" + county + "10", "headMemberId", String.valueOf(son)))
                .post("/households/" + a + "/split").then().statusCode(400).body(containsString("data-field=\"memberIds\""));
        String location = form(clerk).formParam("memberIds", son).formParam("newHouseholdNo", "HF" + county + "10")
                .formParam("headMemberId", son).formParam("reason", "成家分户").post("/households/" + a + "/split").then().log().ifValidationFails().statusCode(303)
                .extract().header("Location");
        long created = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertEquals("户主", api(created).getString("members[0].relationLabel"));

        form(clerk).formParams(Map.of("memberId", String.valueOf(daughter), "toHouseholdNo", "HF" + county + "09", "relation", "其他",
                "reason", "投亲")).post("/households/" + a + "/move").then().statusCode(303);
        assertTrue(api(b).getList("members.name").contains("李敏"));

        form(clerk).formParams(Map.of("intoHouseholdNo", "HF" + county + "08")).post("/households/" + a + "/merge").then().statusCode(400)
                .body(containsString("data-field=\"intoHouseholdNo\""));
        form(clerk).formParams(Map.of("intoHouseholdNo", "HF" + county + "09", "reason", "合并赡养")).post("/households/" + a + "/merge")
                .then().statusCode(303).header("Location", endsWith("/households/" + b));
        assertFalse(api(a).getBoolean("active"));
        assertTrue(api(b).getList("members.name").containsAll(java.util.List.of("李桂芝", "李敏")));
        form(official).formParams(Map.of("intoHouseholdNo", "HF" + county + "08")).post("/households/" + b + "/merge").then().statusCode(403);
        assertTrue(spouse > 0);
    }
}
