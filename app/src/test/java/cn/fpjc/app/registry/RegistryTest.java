package cn.fpjc.app.registry;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 农户信息 API: households, members, incomes, 三保障, history, scope and ID-number protection. */
@QuarkusTest
class RegistryTest {
    static String county;
    static String villageA;
    static String villageB;
    static String admin;
    static String clerkA;
    static String clerkB;
    static String official;

    @BeforeEach
    void county() {
        if (county != null) {
            return;
        }
        county = Api.onboard("henan", "41");
        admin = Api.createUser("t_reg_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        villageA = Api.addTownshipAndVillage(admin, county, "101")[1];
        villageB = Api.addTownshipAndVillage(admin, county, "102")[1];
        clerkA = Api.createUser("t_reg_clerka_" + county, Roles.VILLAGE_CLERK, county, villageA);
        clerkB = Api.createUser("t_reg_clerkb_" + county, Roles.VILLAGE_CLERK, county, villageB);
        official = Api.createUser("t_reg_off_" + county, Roles.RESPONSIBLE_OFFICIAL, county, villageA);
    }

    static String base() {
        return "/api/counties/" + county + "/households";
    }

    static Map<String, Object> member(String name, String id, String relation, String labour) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("idNumber", id);
        m.put("relation", relation);
        m.put("labour", labour);
        m.put("health", "健康");
        m.put("medicalInsured", true);
        return m;
    }

    static Map<String, Object> household(String no, String village, List<Map<String, Object>> members) {
        Map<String, Object> h = new HashMap<>();
        h.put("householdNo", no);
        h.put("villageCode", village);
        h.put("address", "一组8号");
        h.put("category", "脱贫户");
        h.put("members", members);
        return h;
    }

    static Response create(String user, Map<String, Object> body) {
        return as(user).body(body).post(base());
    }

    static long createFamily(String no, String village, String headName, String headId) {
        return create(admin, household(no, village, List.of(member(headName, headId, "户主", "普通劳动力"),
                member(headName.substring(0, 1) + "小花", Ids.of("20120506", false), "子女", "无劳动力"))))
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aHouseholdIsCreatedWithDerivedBirthDateAndSexAndOnlyMaskedIds() {
        String headId = Ids.of("19780312", true);
        String wifeId = Ids.of("19800101", false);
        Response r = create(admin, household("A" + county + "001", villageA, List.of(member("李建国", headId, "户主", "普通劳动力"),
                member("王秀英", wifeId, "配偶", "弱劳动力或半劳动力"))));
        r.then().statusCode(201)
                .body("householdNo", equalTo("A" + county + "001"))
                .body("categoryLabel", equalTo("脱贫户"))
                .body("members", hasSize(2))
                .body("members[0].name", equalTo("李建国"))
                .body("members[0].relationLabel", equalTo("户主"))
                .body("members[0].birthDate", equalTo("1978-03-12"))
                .body("members[0].sexLabel", equalTo("男"))
                .body("members[0].idMasked", equalTo(headId.substring(0, 6) + "********" + headId.substring(14)))
                .body("members[1].sexLabel", equalTo("女"))
                .body("events[0].kindLabel", equalTo("建户"));
        assertFalse(r.asString().contains(headId), "the full ID number must not be in the response");
        // At rest: no plaintext anywhere in the member table, the audit log or the events.
        String db = Sql.database(county);
        assertEquals("0", Sql.column("SELECT COUNT(*) FROM `" + db + "`.member WHERE CAST(id_cipher AS CHAR) LIKE '%" + headId.substring(6, 14)
                + "%' OR id_masked = '" + headId + "'").get(0));
        assertEquals("0", Sql.column("SELECT COUNT(*) FROM `" + db + "`.audit_log WHERE after_json LIKE '%" + headId + "%'"
                + " OR before_json LIKE '%" + headId + "%'").get(0));
        assertEquals("32", Sql.column("SELECT LENGTH(id_hash) FROM `" + db + "`.member LIMIT 1").get(0));
    }

    @Test
    void badInputIsRefusedFieldByFieldWithoutRepeatingTheNumber() {
        String good = Ids.of("19700101", true);
        String bad = Ids.withBadCheck(Ids.of("19710101", true));
        Response r = create(admin, household("B" + county + "001", villageA, List.of(member("张三", good, "户主", "普通劳动力"),
                member("张四", bad, "户主", "劳模"), member("张五", good, "子女", "无劳动力"))));
        r.then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("fields.field", hasItem("members[1].idNumber"))
                .body("fields.find { it.field == 'members[1].idNumber' }.message", containsString("校验码"))
                .body("fields.find { it.field == 'members[1].labour' }.message", containsString("普通劳动力"))
                .body("fields.find { it.field == 'members' }.message", containsString("有且只有一名户主"))
                .body("fields.find { it.field == 'members[2].idNumber' }.message", containsString("重复"));
        assertFalse(r.asString().contains(bad) || r.asString().contains(good));
        // A village outside the county or outside the clerk's scope.
        create(clerkB, household("B" + county + "002", villageA, List.of(member("张三", Ids.of("19700102", true), "户主", "普通劳动力"))))
                .then().statusCode(400).body("fields.field", hasItem("villageCode"));
        // Nothing of the refused households was stored.
        as(admin).queryParam("q", "B" + county).get(base()).then().statusCode(200).header("X-Total-Count", "0");
    }

    @Test
    void aPersonIsRegisteredOnceInTheCounty() {
        String id = Ids.of("19650303", false);
        createFamily("C" + county + "001", villageA, "赵兰", id);
        Response r = create(admin, household("C" + county + "002", villageB, List.of(member("赵兰", id, "户主", "普通劳动力"))));
        r.then().statusCode(409).body("code", equalTo("PERSON_ALREADY_REGISTERED")).body("message", containsString("C" + county + "001"));
        assertFalse(r.asString().contains(id));
        // A clerk whose scope does not cover that household is not told its number.
        Response outside = create(clerkB, household("C" + county + "003", villageB, List.of(member("赵兰", id, "户主", "普通劳动力"))));
        outside.then().statusCode(409).body("code", equalTo("PERSON_ALREADY_REGISTERED"))
                .body("message", containsString("已在本县其他农户中登记，请联系乡镇或县级核实"));
        assertFalse(outside.asString().contains("C" + county + "001"), outside.asString());
        create(clerkA, household("C" + county + "004", villageA, List.of(member("赵兰", id, "户主", "普通劳动力")))).then().statusCode(409)
                .body("message", containsString("C" + county + "001"));
        create(admin, household("C" + county + "001", villageB, List.of(member("钱七", Ids.of("19650304", true), "户主", "普通劳动力"))))
                .then().statusCode(409).body("code", equalTo("HOUSEHOLD_NO_TAKEN"));
    }

    @Test
    void searchByNameNumberExactIdAndCategoryWithPagingAndOrgScope() {
        String id = Ids.of("19590909", true);
        long a = createFamily("D" + county + "001", villageA, "欧阳明", id);
        createFamily("D" + county + "002", villageB, "欧阳亮", Ids.of("19600101", true));
        as(admin).queryParam("q", "欧阳").get(base()).then().statusCode(200).header("X-Total-Count", "2")
                .body("householdNo", contains("D" + county + "001", "D" + county + "002"));
        as(admin).queryParam("q", "D" + county + "00").queryParam("size", 1).queryParam("page", 1).get(base())
                .then().header("X-Total-Count", "2").body("householdNo", contains("D" + county + "002"));
        as(admin).queryParam("idNumber", id).get(base()).then().header("X-Total-Count", "1")
                .body("[0].id", equalTo((int) a)).body("[0].headIdMasked", equalTo(id.substring(0, 6) + "********" + id.substring(14)));
        // The exact search answers with the same summary as the general one, field for field, and applies the same filters.
        assertEquals(as(admin).queryParam("q", "D" + county + "001").get(base()).then().extract().jsonPath().getMap("[0]"),
                as(admin).queryParam("idNumber", id).get(base()).then().extract().jsonPath().getMap("[0]"));
        as(admin).queryParam("idNumber", id).queryParam("category", "监测户").get(base()).then().statusCode(200).header("X-Total-Count", "0");
        as(admin).queryParam("idNumber", id).queryParam("category", "脱贫户").get(base()).then().header("X-Total-Count", "1");
        as(admin).queryParam("idNumber", id).queryParam("village", villageB).get(base()).then().header("X-Total-Count", "0");
        as(admin).queryParam("idNumber", id).queryParam("page", 1).get(base()).then().header("X-Total-Count", "1").body("size()", equalTo(0));
        as(admin).queryParam("idNumber", id).queryParam("category", "不存在").get(base()).then().statusCode(400);
        // Both wrong: the 户类型 is reported first, as the general search does.
        as(admin).queryParam("idNumber", Ids.withBadCheck(id)).queryParam("category", "不存在").get(base()).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("message", containsString("户类型"));
        as(admin).queryParam("q", "欧阳").queryParam("idNumber", Ids.withBadCheck(id)).queryParam("category", "不存在").get(base())
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        as(admin).queryParam("idNumber", Ids.withBadCheck(id)).get(base()).then().statusCode(400).body("code", equalTo("ID_NUMBER_INVALID"));
        as(admin).queryParam("q", "欧阳").queryParam("category", "监测户").get(base()).then().header("X-Total-Count", "0");
        // Text and an ID number together: both must match (the ID is a subquery of the general search then).
        as(admin).queryParam("q", "欧阳").queryParam("idNumber", id).get(base()).then().header("X-Total-Count", "1")
                .body("[0].id", equalTo((int) a));
        as(admin).queryParam("q", "D" + county + "002").queryParam("idNumber", id).get(base()).then().header("X-Total-Count", "0");
        // A village clerk sees its own village only; another village's household is "not found".
        as(clerkB).queryParam("q", "欧阳").get(base()).then().header("X-Total-Count", "1").body("[0].householdNo", equalTo("D" + county + "002"));
        as(clerkB).queryParam("idNumber", id).get(base()).then().header("X-Total-Count", "0");
        as(clerkB).get(base() + "/" + a).then().statusCode(404);
        as(clerkA).get(base() + "/" + a).then().statusCode(200);
        // A department user does not browse the registry.
        String dept = Api.createUser("t_reg_dept_" + county, Roles.DEPARTMENT, county, county);
        as(dept).get(base()).then().statusCode(403);
    }

    @Test
    void incomePerCapitaIsComputedAndComparedWithTheYearsThreshold() {
        long id = createFamily("E" + county + "001", villageA, "孙强", Ids.of("19800808", true));
        Map<String, Object> income = new HashMap<>(Map.of("year", 2023, "wage", "12000.00", "productionNet", "3000.50",
                "property", "0", "transfer", "1200", "expenses", "1000.01"));
        // (12000 + 3000.50 + 0 + 1200 − 1000.01) / 2 = 7600.245 → 7600.25 (HALF_UP); Henan 2023 threshold 7500.
        as(admin).body(income).put(base() + "/" + id + "/incomes").then().statusCode(200)
                .body("incomes[0].perCapita", equalTo(7600.25f)).body("incomes[0].threshold", equalTo("7500"))
                .body("incomes[0].belowThreshold", equalTo(false)).body("incomes[0].householdSize", equalTo(2));
        income.put("year", 2024);
        income.put("wage", "8000");
        // 2024 has no Henan threshold yet: no comparison is made rather than a guess.
        as(admin).body(income).put(base() + "/" + id + "/incomes").then().statusCode(200)
                .body("incomes[1].perCapita", equalTo(5600.25f)).body("incomes[1].threshold", nullValue())
                .body("incomes[1].belowThreshold", nullValue());
        // Period dates from 2000-01-01 to a year after today only (a period from year 0 was stored).
        // Year 0 cannot even be stored: the JSON layer refuses it for every body; the business range speaks for storable dates.
        income.put("periodFrom", "0000-01-01");
        as(admin).body(income).put(base() + "/" + id + "/incomes").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("fields.field", hasItem("periodFrom"));
        income.put("periodFrom", "1999-12-31");
        as(admin).body(income).put(base() + "/" + id + "/incomes").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("fields.find { it.field == 'periodFrom' }.message", containsString("统计期开始日期应在2000-01-01至"));
        income.put("periodFrom", "2024-01-01");
        income.put("periodTo", "2999-12-31");
        as(admin).body(income).put(base() + "/" + id + "/incomes").then().statusCode(400)
                .body("fields.find { it.field == 'periodTo' }.message", containsString("统计期结束日期应在2000-01-01至"));
        income.remove("periodFrom");
        income.remove("periodTo");
        income.put("wage", "-1");
        as(admin).body(income).put(base() + "/" + id + "/incomes").then().statusCode(400).body("fields.field", hasItem("wage"));
    }

    @Test
    void guaranteeStatusIsRecordedAndJudged() {
        long id = createFamily("F" + county + "001", villageA, "周平", Ids.of("19750505", true));
        Map<String, Object> g = new HashMap<>(Map.of("educationOk", true, "medicalOk", true, "housingGrade", "C级",
                "waterQuantityOk", true, "waterQualityOk", true, "waterConvenienceOk", true, "waterGuaranteeOk", true,
                "assessedOn", "2024-06-01"));
        as(clerkA).body(g).put(base() + "/" + id + "/guarantee").then().statusCode(200)
                .body("guarantee.housingGradeLabel", equalTo("C级")).body("guarantee.allSecured", equalTo(false));
        g.put("housingGrade", "B");
        // An edit without the version it read is refused, naming the field (it used to overwrite unchecked).
        as(clerkA).body(g).put(base() + "/" + id + "/guarantee").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("fields.field", hasItem("version"));
        g.put("version", 0);
        as(clerkA).body(g).put(base() + "/" + id + "/guarantee").then().statusCode(200).body("guarantee.allSecured", equalTo(true));
        // A stale version is refused: the other edit is not overwritten.
        as(clerkA).body(g).put(base() + "/" + id + "/guarantee").then().statusCode(409).body("code", equalTo("CONCURRENT_UPDATE"));
        as(official).body(g).put(base() + "/" + id + "/guarantee").then().statusCode(403);
    }

    @Test
    void theExactSearchFindsARemovedMembersHouseholdAndCountsOnlyThoseStillIn() {
        String childId = Ids.of("20150505", false);
        long h = create(admin, household("R" + county + "001", villageA, List.of(member("冯强", Ids.of("19750505", true), "户主", "普通劳动力"),
                member("冯小雨", childId, "子女", "无劳动力")))).then().statusCode(201).extract().jsonPath().getLong("id");
        long child = as(admin).get(base() + "/" + h).jsonPath().getLong("members.find { it.relation == 'CHILD' }.id");
        as(admin).body(Map.of("reason", "迁出本县")).post(base() + "/" + h + "/members/" + child + "/remove").then().statusCode(200);
        // The person's own row is no longer active: the search still finds the household (as before the rewrite), with the
        // general search's summary, field for field: the head, and one member still in.
        Map<String, Object> byId = as(admin).queryParam("idNumber", childId).get(base()).then().header("X-Total-Count", "1")
                .extract().jsonPath().getMap("[0]");
        assertEquals(as(admin).queryParam("q", "R" + county + "001").get(base()).then().extract().jsonPath().getMap("[0]"), byId);
        assertEquals(1, ((Number) byId.get("memberCount")).intValue());
        assertEquals("冯强", byId.get("headName"));
    }

    @Test
    void moveSplitAndMergeKeepHistory() {
        String wuId = Ids.of("19700707", true);
        String zhengId = Ids.of("19720202", false);
        long a = createFamily("G" + county + "001", villageA, "吴刚", wuId);
        long b = createFamily("G" + county + "002", villageA, "郑丽", zhengId);
        Response da = as(admin).get(base() + "/" + a);
        long child = da.jsonPath().getLong("members.find { it.relation == 'CHILD' }.id");
        as(admin).body(Map.of("toHouseholdNo", "G" + county + "002", "relation", "子女", "reason", "随母生活"))
                .post(base() + "/" + a + "/members/" + child + "/move").then().statusCode(200)
                .body("members", hasSize(1)).body("events.kindLabel", hasItem("成员迁出"));
        as(admin).get(base() + "/" + b).then().body("members", hasSize(3)).body("events.kindLabel", hasItem("成员迁入"))
                .body("events.find { it.kind == 'MEMBER_MOVED_IN' }.relatedHouseholdNo", equalTo("G" + county + "001"));
        // Split two members of b into a new household with one of them as head.
        List<Long> nonHeads = new ArrayList<>(as(admin).get(base() + "/" + b).jsonPath().getList("members.findAll { it.relation != 'HEAD' }.id", Long.class));
        long newId = as(admin).body(Map.of("newHouseholdNo", "G" + county + "003", "memberIds", nonHeads, "headMemberId", nonHeads.get(0),
                "reason", "子女成年分户")).post(base() + "/" + b + "/split").then().statusCode(201)
                .body("members", hasSize(2)).body("events.kindLabel", hasItem("由他户分出")).extract().jsonPath().getLong("id");
        String newHead = as(admin).get(base() + "/" + newId).jsonPath().getString("members.find { it.id == " + nonHeads.get(0) + " }.name");
        assertEquals(List.of("G" + county + "003|" + newHead), headNames("G" + county + "003"));
        // Merge the new household back into a: it closes, its members join a, the head becomes 其他.
        as(admin).body(Map.of("intoHouseholdNo", "G" + county + "001", "reason", "投靠亲属")).post(base() + "/" + newId + "/merge")
                .then().statusCode(200).body("id", equalTo((int) a)).body("members", hasSize(3)).body("events.kindLabel", hasItem("他户并入"));
        as(admin).get(base() + "/" + newId).then().body("active", equalTo(false)).body("closedReason", containsString("G" + county + "001"));
        as(admin).body(Map.of("address", "x")).put(base() + "/" + newId).then().statusCode(409).body("code", equalTo("HOUSEHOLD_CLOSED"));
        as(admin).queryParam("q", "G" + county + "003").get(base()).then().header("X-Total-Count", "0");
        as(admin).queryParam("q", "G" + county + "003").queryParam("includeClosed", true).get(base()).then().header("X-Total-Count", "1");
        // After members came and went (a former head among them), the exact ID search still answers with the general
        // search's summary, field for field: the same head, the same count of members still in the household.
        for (String[] person : List.of(new String[] {wuId, "G" + county + "001"}, new String[] {zhengId, "G" + county + "002"})) {
            Map<String, Object> byId = as(admin).queryParam("idNumber", person[0]).get(base()).then().header("X-Total-Count", "1")
                    .extract().jsonPath().getMap("[0]");
            assertEquals(as(admin).queryParam("q", person[1]).get(base()).then().extract().jsonPath().getMap("[0]"), byId);
        }
        assertEquals(3, ((Number) as(admin).queryParam("idNumber", wuId).get(base()).then().extract().jsonPath().getMap("[0]")
                .get("memberCount")).intValue());
        // Each household's 户主 name (the copy the inbox reads) is its head's after the move, the split and the merge: the
        // closed household has none.
        assertEquals(List.of("G" + county + "001|吴刚", "G" + county + "002|郑丽", "G" + county + "003|"), headNames("G" + county + "%"));
        assertHeadNamesAreTheMembers();
    }

    /** 户编号|户主 name as the household row keeps it (head_name), of the households whose 户编号 is LIKE {@code like}. */
    static List<String> headNames(String like) {
        return Sql.column("SELECT CONCAT(household_no, '|', IFNULL(head_name, '')) FROM " + Sql.database(county)
                + ".household WHERE household_no LIKE '" + like + "' ORDER BY household_no");
    }

    /** Every household the API wrote keeps the name of its first active head (none: null), as the members say. */
    static void assertHeadNamesAreTheMembers() {
        assertEquals(List.of(), Sql.column("SELECT h.household_no FROM " + Sql.database(county) + ".household h WHERE"
                + " NOT (h.head_name <=> (SELECT m.name FROM " + Sql.database(county) + ".member m"
                + " WHERE m.household_id = h.id AND m.active = TRUE AND m.relation = 'HEAD' ORDER BY m.id LIMIT 1))"));
    }

    @Test
    void theHouseholdKeepsItsHeadsNameThroughEveryMemberEdit() {
        String no = "N" + county + "001";
        long h = createFamily(no, villageA, "褚平", Ids.of("19660606", true));
        assertEquals(List.of(no + "|褚平"), headNames(no));
        JsonPath detail = as(admin).get(base() + "/" + h).jsonPath();
        long head = detail.getLong("members.find { it.relation == 'HEAD' }.id");
        long child = detail.getLong("members.find { it.relation == 'CHILD' }.id");
        // The head's name corrected.
        as(admin).body(edit(h, head, "褚平安", "户主")).put(base() + "/" + h + "/members/" + head).then().statusCode(200);
        assertEquals(List.of(no + "|褚平安"), headNames(no));
        // A second head is refused beside the relation, by editing as by adding.
        as(admin).body(edit(h, child, "褚小花", "户主")).put(base() + "/" + h + "/members/" + child).then().statusCode(400)
                .body("fields.field", contains("relation")).body("fields.message", contains("该户已有户主；请先修改原户主的关系"));
        // The same edit with a refused field as well: every refusal is reported, nothing is written (not a 500).
        Map<String, Object> twice = edit(h, child, "褚小花", "户主");
        twice.put("health", "很好");
        as(admin).body(twice).put(base() + "/" + h + "/members/" + child).then().statusCode(400)
                .body("fields.field", hasItem("relation")).body("fields.field", hasItem("health"));
        assertEquals(List.of(no + "|褚平安"), headNames(no));
        // 更换户主: the head stands down (no head for a moment), a member added as 户主 takes over, stands down in turn,
        // and the child is made head by editing.
        as(admin).body(edit(h, head, "褚平安", "其他")).put(base() + "/" + h + "/members/" + head).then().statusCode(200);
        assertEquals(List.of(no + "|"), headNames(no));
        long added = as(admin).body(member("褚小军", Ids.of("19900404", true), "户主", "普通劳动力")).post(base() + "/" + h + "/members")
                .then().statusCode(201).extract().jsonPath().getLong("members.find { it.name == '褚小军' }.id");
        assertEquals(List.of(no + "|褚小军"), headNames(no));
        as(admin).body(edit(h, added, "褚小军", "兄弟姐妹")).put(base() + "/" + h + "/members/" + added).then().statusCode(200);
        as(admin).body(edit(h, child, "褚小花", "户主")).put(base() + "/" + h + "/members/" + child).then().statusCode(200);
        assertEquals(List.of(no + "|褚小花"), headNames(no));
        // The former head removed: the head stays. A refused edit changes nothing.
        as(admin).body(Map.of("reason", "死亡")).post(base() + "/" + h + "/members/" + head + "/remove").then().statusCode(200);
        assertEquals(List.of(no + "|褚小花"), headNames(no));
        as(admin).body(edit(h, child, "", "户主")).put(base() + "/" + h + "/members/" + child).then().statusCode(400);
        assertEquals(List.of(no + "|褚小花"), headNames(no));
        assertHeadNamesAreTheMembers();
    }

    @Test
    void aHouseholdWhoseOnlyMemberLeavesHasNoHeadName() {
        String removed = "P" + county + "001";
        String movedOut = "P" + county + "002";
        long a = create(admin, household(removed, villageA, List.of(member("蒋一", Ids.of("19510101", true), "户主", "无劳动力")))).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        long b = create(admin, household(movedOut, villageA, List.of(member("蒋二", Ids.of("19520202", true), "户主", "无劳动力")))).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        long into = createFamily("P" + county + "003", villageA, "蒋三", Ids.of("19530303", true));
        assertEquals(List.of(removed + "|蒋一", movedOut + "|蒋二", "P" + county + "003|蒋三"), headNames("P" + county + "%"));
        long first = as(admin).get(base() + "/" + a).jsonPath().getLong("members[0].id");
        as(admin).body(Map.of("reason", "死亡")).post(base() + "/" + a + "/members/" + first + "/remove").then().statusCode(200);
        long second = as(admin).get(base() + "/" + b).jsonPath().getLong("members[0].id");
        as(admin).body(Map.of("toHouseholdNo", "P" + county + "003", "relation", "父母", "reason", "投靠子女"))
                .post(base() + "/" + b + "/members/" + second + "/move").then().statusCode(200);
        as(admin).get(base() + "/" + b).then().body("active", equalTo(false));
        assertEquals(List.of(removed + "|", movedOut + "|", "P" + county + "003|蒋三"), headNames("P" + county + "%"));
        assertEquals(3, as(admin).get(base() + "/" + into).jsonPath().getList("members").size());
        assertHeadNamesAreTheMembers();
    }

    /** The member as the API shows it, with {@code name} and {@code relation} changed, at its current version. */
    private static Map<String, Object> edit(long household, long memberId, String name, String relation) {
        JsonPath m = as(admin).get(base() + "/" + household).jsonPath();
        String at = "members.find { it.id == " + memberId + " }";
        Map<String, Object> body = member(name, m.getString(at + ".idMasked"), relation, m.getString(at + ".labourLabel"));
        body.put("health", m.getString(at + ".healthLabel"));
        body.put("version", m.getLong(at + ".version"));
        return body;
    }

    @Test
    void revealNeedsAReasonAnAuthorisedRoleAndIsAudited() {
        String id = Ids.of("19880808", false);
        long h = createFamily("H" + county + "001", villageA, "冯梅", id);
        long m = as(admin).get(base() + "/" + h).jsonPath().getLong("members[0].id");
        as(clerkA).body(Map.of()).post(base() + "/" + h + "/members/" + m + "/reveal").then().statusCode(400)
                .body("code", equalTo("REVEAL_REASON_REQUIRED"));
        as(official).body(Map.of("reason", "入户核实")).post(base() + "/" + h + "/members/" + m + "/reveal").then().statusCode(403);
        as(clerkB).body(Map.of("reason", "入户核实")).post(base() + "/" + h + "/members/" + m + "/reveal").then().statusCode(404);
        as(clerkA).body(Map.of("reason", "办理医保参保核对")).post(base() + "/" + h + "/members/" + m + "/reveal").then().statusCode(200)
                .body("idNumber", equalTo(id));
        as(admin).queryParam("entityType", "member").get("/api/counties/" + county + "/audit-log").then().statusCode(200)
                .body("find { it.action == 'REVEAL' }.actor", equalTo(clerkA))
                .body("find { it.action == 'REVEAL' }.after", containsString("办理医保参保核对"))
                .body("find { it.action == 'REVEAL' }.after", not(containsString(id)));
    }
}
