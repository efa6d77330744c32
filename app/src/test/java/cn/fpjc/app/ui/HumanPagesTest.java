package cn.fpjc.app.ui;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Cases;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What people read: every page the browser tests visit, as each role with a little data, shows no internal text — no seed
 * file number where a source is cited, no file name ({@code .md}), no English step id, no ISO timestamp — and errors on
 * pages are Chinese pages inside the layout with a way back, while the API keeps its JSON.
 */
@QuarkusTest
public class HumanPagesTest {
    /** A seed file number in a citation ("000 一(二)3"), not part of a larger number or a 文号. */
    static final Pattern SEED_NUMBER = Pattern.compile("(?<![0-9A-Za-z〔\\-/])00[0-4] ");
    static final Pattern FILE_NAME = Pattern.compile("\\.md\\b|domain/|PROVINCES|DOMAIN\\.");
    static final Pattern STEP_ID = Pattern.compile("\\b(verify|authorize|review|notice|township|county|entry|identification|elimination)\\b");
    static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");

    /** The text a person sees: no scripts, tags or attributes. */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<[^>]*>", " ")
                .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'");
    }

    public static List<String> problems(String page, String html) {
        String text = visibleText(html);
        List<String> found = new ArrayList<>();
        for (Pattern p : List.of(SEED_NUMBER, FILE_NAME, STEP_ID, ISO_TIME)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                found.add(page + ": «" + text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30)).replaceAll("\\s+", " ")
                        + "»");
            }
        }
        return found;
    }

    static String page(String user, String path) {
        return as(user).accept("text/html").get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void noPageShowsSeedNumbersFileNamesStepIdsOrRawTimes() {
        String county = Api.onboard("henan", "41");
        String admin = Api.createUser("t_hp_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] tv = Api.addTownshipAndVillage(admin, county, "101");
        String clerk = Api.createUser("t_hp_clerk_" + county, Roles.VILLAGE_CLERK, county, tv[1]);
        String reviewer = Api.createUser("t_hp_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, tv[0]);
        String approver = Api.createUser("t_hp_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        var h = as(clerk).body(Map.of("householdNo", "HP" + county, "villageCode", tv[1], "category", "一般农户", "members", List.of(
                Map.of("name", "钱立新", "idNumber", Ids.of("19720314", true), "relation", "户主", "labour", "普通劳动力", "health", "健康"),
                Map.of("name", "钱母", "idNumber", Ids.of("19460101", false), "relation", "父母", "labour", "无劳动力", "health", "大病",
                        "illness", "尿毒症")))).post("/api/counties/" + county + "/households").then().statusCode(201).extract().jsonPath();
        long household = h.getLong("id");
        long caseId = as(clerk).body(Map.of("householdId", household, "monitoringType", "边缘易致贫户", "riskCategories", List.of("因病"),
                "startedOn", "2024-09-20")).post("/api/counties/" + county + "/cases").then().statusCode(201).extract().jsonPath().getLong("id");
        String[][] steps = { {clerk, "verify", "2024-09-23"}, {clerk, "authorize", "2024-09-24"}, {clerk, "review", "2024-10-09"},
                {clerk, "notice", "2024-10-14"}, {reviewer, "township", "2024-10-15"}, {approver, "county", "2024-10-16"} };
        for (String[] s : steps) {
            Cases.complete(county, clerk, s[0], caseId, s[1], s[2]);
        }

        // Before the last step of identification, the elimination page says why it cannot assess yet: no button, no JSON 409.
        String notYet = page(clerk, "/cases/" + caseId + "/elimination");
        assertTrue(notYet.contains("id=\"not-yet\"") && notYet.contains("识别程序的信息录入尚未办结") && !notYet.contains("id=\"assess\""), notYet);
        Response pressed = as(clerk).accept("text/html").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("action", "assess").post("/cases/" + caseId + "/elimination");
        pressed.then().statusCode(409).contentType(containsString("text/html")).body(containsString("id=\"not-yet\""));

        List<String> found = new ArrayList<>();
        String c = "/cases/" + caseId;
        for (String[] visit : new String[][] {
                {clerk, "/"}, {clerk, "/households"}, {clerk, "/households/" + household}, {clerk, "/clues"}, {clerk, "/inbox"},
                {clerk, c}, {clerk, c + "/plan"}, {clerk, c + "/elimination"}, {clerk, c + "/visits"}, {clerk, "/followup"},
                {clerk, "/programmes?year=2024"}, {clerk, "/households/" + household + "/entitlements?year=2024"}, {clerk, "/data-quality"},
                {clerk, "/parameters?year=2024"}, {clerk, "/parameters/leaflet?year=2024"}, {clerk, "/loans"}, {clerk, "/loans/new"},
                {reviewer, "/"}, {reviewer, "/inbox"}, {reviewer, c}, {approver, "/inbox"}, {approver, c}, {approver, "/cases/overdue"},
                {admin, "/"}, {admin, "/org-units"}, {admin, "/admin/users"}, {admin, "/payment-batches"}, {admin, "/welfare-jobs"}, {admin, "/funds/assets"},
                {admin, "/loans/overdue"}, {admin, "/programmes?year=2025"}, {clerk, "/funds/projects?year=2025"}, {clerk, "/funds/projects/new"},
                {admin, "/funds/allocations?year=2025"},
                {"admin", "/"}, {"admin", "/admin/tenants"}, {"admin", "/admin/users"}, {"admin", "/admin/yearly-values?province=henan"},
                {"admin", "/admin/operations"} }) {
            found.addAll(problems(visit[0] + " " + visit[1], page(visit[0], visit[1])));
        }
        // Every province's sources: each demo county's parameters, 明白纸, programmes and loan rules, and each province admin's pages.
        for (String slug : List.of("yanshou", "lankao", "minqin", "xinfeng", "huayuan")) {
            for (String path : List.of("/parameters?year=2024", "/parameters?year=2025", "/parameters/leaflet?year=2024", "/programmes?year=2024",
                    "/loans/new", "/funds/progress?year=2024&date=2024-12-31")) {
                found.addAll(problems(slug + " " + path, page(slug + ".admin", path)));
            }
        }
        for (String province : List.of("heilongjiang", "henan", "gansu", "jiangxi", "hunan")) {
            found.addAll(problems(province + "-admin /", page(province + "-admin", "/")));
            found.addAll(problems(province + "-admin yearly", page(province + "-admin", "/admin/yearly-values")));
        }
        assertTrue(found.isEmpty(), String.join("\n", found));

        // Steps are named in Chinese in the case's history; times in Beijing time to the minute.
        String history = page(approver, c);
        assertTrue(history.contains("「县级审定与公告」") && Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d").matcher(history).find(), history);
        // Sources by the document's title and number.
        String minqin = page("minqin.admin", "/parameters?year=2024");
        assertTrue(minqin.contains("《民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》（民农领发〔2024〕9号）") && minqin.contains("国家统一规定"), minqin);
        assertTrue(page("yanshou.admin", "/parameters?year=2024").contains("（黑农办发〔2024〕7号）"));
    }

    @Test
    void theLeafletHasAQrCodeToTheCountysSelfReportPageAndSaysSoWhenTheThresholdIsNotSet() {
        String leaflet = page("lankao.admin", "/parameters/leaflet?year=2099");
        assertTrue(leaflet.contains("id=\"report-qr\"") && leaflet.contains("<svg") && leaflet.contains("/report/410225"), leaflet);
        assertTrue(leaflet.contains("2099年的监测范围（收入标准）尚未公布"), leaflet);
        assertFalse(leaflet.contains("null"), leaflet);
    }

    @Test
    void aProvinceThatHasNotSetTheYearsThresholdIsPromptedToSetIt() {
        // The test clock's year has no threshold for Hunan unless a test set one; the prompt follows the parameter.
        String home = page("hunan-admin", "/");
        String yearly = page("hunan-admin", "/admin/yearly-values");
        assertTrue(home.contains("id=\"threshold-missing\"") == yearly.contains("id=\"threshold-missing\""), home + yearly);
        if (home.contains("id=\"threshold-missing\"")) {
            assertTrue(home.contains("href=\"/admin/yearly-values\"") && yearly.contains("监测范围"), home);
        }
        // A county's staff are not the ones to set it.
        assertFalse(page("huayuan.clerk", "/").contains("id=\"threshold-missing\""));
    }

    @Test
    void errorsOnPagesArePagesAndTheApiKeepsItsJson() {
        // 404: a case that does not exist
        Response missing = as("lankao.clerk").accept("text/html").get("/cases/987654321");
        missing.then().statusCode(404).contentType(containsString("text/html")).body(containsString("id=\"error-page\""))
                .body(containsString("没有找到")).body(containsString("id=\"error-back\"")).body(containsString("退出"));
        as("lankao.clerk").get("/api/counties/410225/cases/987654321").then().statusCode(404).contentType(containsString("application/json"))
                .body("code", equalTo("NOT_FOUND"));
        // 403: a clerk on the tenants page
        as("lankao.clerk").accept("text/html").header("Referer", "http://localhost/households").get("/admin/tenants").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("没有权限")).body(containsString("href=\"/households\""));
        as("lankao.clerk").get("/api/admin/tenants").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        // 400: a bad parameter in the address
        as("lankao.clerk").accept("text/html").get("/households/abc").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("填写的内容有误")).body(containsString("网址中的参数格式不正确"));
        // 409 on a page (the elimination button before identification is done) is covered above; a client that does not ask for
        // HTML gets the JSON body even on a page route.
        as("lankao.clerk").get("/cases/987654321").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void flashTextFromTheUrlIsIgnored() {
        for (String path : List.of("/?flash=%E8%AF%B7%E6%8B%A8%E6%89%93", "/households?flash=%E8%AF%B7%E6%8B%A8%E6%89%93&error=%E8%AF%B7%E6%8B%A8%E6%89%93",
                "/parameters?flash=%E8%AF%B7%E6%8B%A8%E6%89%93")) {
            assertFalse(page("lankao.admin", path).contains("请拨打"), path);
        }
    }
}
