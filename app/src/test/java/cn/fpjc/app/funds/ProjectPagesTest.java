package cn.fpjc.app.funds;

import static cn.fpjc.app.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.funds.FundsFixture.County;
import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.BrowserForm;
import cn.fpjc.app.support.Pdfs;
import cn.fpjc.app.ui.HumanPagesTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 项目库 in the browser (Heilongjiang's rules): a village clerk declares a project on the 村申报 form (refusals shown in
 * Chinese beside what was typed), it appears in the library, the clerk publishes the village notice from the project page,
 * the township reviews it there once the notice is over (the test clock moves), the notice prints and downloads as a PDF
 * with households by 户编号 and head's name only, and a batch 乡镇审核 decides one project and refuses another whose notice
 * is still running.
 */
@QuarkusTest
class ProjectPagesTest {
    static final LocalDate START = LocalDate.of(2025, 3, 3);
    static final Pattern PROJECT = Pattern.compile("/funds/projects/(\\d+)$");
    final List<County> used = new ArrayList<>();

    @AfterEach
    void resetClocks() {
        used.forEach(FundsFixture::resetClock);
    }

    static String page(String user, String path, int status) {
        return given().cookie("fpjc_token", Api.token(user)).get(path).then().statusCode(status).extract().asString();
    }

    /** Follows a redirect as the browser does, carrying the flash cookie the redirect set. */
    static String follow(String user, Response redirect) {
        assertEquals(303, redirect.statusCode(), redirect.asString());
        var get = given().cookie("fpjc_token", Api.token(user));
        redirect.getCookies().forEach(get::cookie);
        return get.get(redirect.header("Location")).then().statusCode(200).extract().asString();
    }

    static RequestSpecification form(String user, String pagePath) {
        return BrowserForm.from(pagePath, Api.token(user));
    }

    static long version(County c, long id) {
        return FundsFixture.get(c, id).getLong("version");
    }

    static void assertHuman(String name, String html) {
        List<String> problems = HumanPagesTest.problems(name, html);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The 村申报 form filled in as a clerk would: one central-fund amount, one 联农带农 with a household, one 绩效目标. */
    static RequestSpecification declaration(County c, String name, String usage, String households) {
        return form(c.clerk(), "/funds/projects/new").formParam("year", "2025").formParam("name", name).formParam("category", "INDUSTRY")
                .formParam("nature", "OPERATING").formParam("usage", usage).formParam("villages", c.village())
                .formParam("content", "新建黑木耳大棚20栋").formParam("implementer", "村股份经济合作社").formParam("fund.CENTRAL", "300000")
                .formParam("fund.PROVINCIAL", "").formParam("link0.kind", "ASSET_INCOME").formParam("link0.description", "大棚出租收益按股分红")
                .formParam("link0.households", households).formParam("target0.kind", "BENEFIT").formParam("target0.indicator", "带动脱贫户增收")
                .formParam("target0.targetValue", "30户");
    }

    @Test
    void aVillageDeclaresOnTheFormTheTownshipReviewsOnThePageAndTheNoticePrintsWithoutIdNumbers() {
        County c = FundsFixture.county("heilongjiang", "23");
        used.add(c);
        FundsFixture.setToday(c, START);
        String headId = Ids.of("19700101", true);
        String householdNo = "FP" + c.code();
        as(c.clerk()).body(Map.of("householdNo", householdNo, "villageCode", c.village(), "category", "脱贫户", "members",
                List.of(member("钱守义", headId, "户主")))).post("/api/counties/" + c.code() + "/households").then().statusCode(201);

        // The form offers labels, not codes, and only the reader's villages.
        String blank = page(c.clerk(), "/funds/projects/new", 200);
        assertTrue(blank.contains(">产业发展<") || blank.contains("产业发展"), blank);
        assertTrue(blank.contains("测试村101") && blank.contains("中央") && blank.contains("资产收益联"), blank);
        assertHuman("new", blank);

        // An unknown 户编号 is refused beside its input; what was typed stays.
        Response unknown = declaration(c, "黑木耳大棚", "INDUSTRY_PRODUCTION", householdNo + " NO-SUCH-1").post("/funds/projects/new");
        assertEquals(400, unknown.statusCode(), unknown.asString());
        assertTrue(unknown.asString().contains("户编号 NO-SUCH-1 不在户籍库") && unknown.asString().contains("data-field=\"link0.households\"")
                && unknown.asString().contains("value=\"黑木耳大棚\"") && unknown.asString().contains("value=\"300000\""), unknown.asString());
        // A usage on the negative list is refused with the rule and its source by title and number.
        Response negative = declaration(c, "村部办公楼", "OFFICE_BUILDINGS", householdNo).post("/funds/projects/new");
        assertEquals(422, negative.statusCode(), negative.asString());
        String refused = negative.asString();
        assertTrue(refused.contains("id=\"declare-error\"") && refused.contains("负面清单") && refused.contains("黑农办发〔2024〕7号")
                && refused.contains("value=\"村部办公楼\""), refused);
        assertHuman("refused", refused);

        Response declared = declaration(c, "黑木耳大棚", "INDUSTRY_PRODUCTION", householdNo).post("/funds/projects/new");
        assertEquals(303, declared.statusCode(), declared.asString());
        Matcher m = PROJECT.matcher(declared.header("Location"));
        assertTrue(m.find(), declared.header("Location"));
        long id = Long.parseLong(m.group(1));
        String detail = follow(c.clerk(), declared);
        assertTrue(detail.contains("已申报「黑木耳大棚」") && detail.contains("村级申报") && detail.contains("测试村101") && detail.contains(householdNo)
                && detail.contains("钱守义") && detail.contains("300000.00") && detail.contains("id=\"notice-form\""), detail);
        assertFalse(detail.contains(headId), "an ID number on the project page");
        assertHuman("detail", detail);

        // In the library: name, village by name, 环节 and next step; the clerk has no batch form, the reviewer has.
        String list = page(c.clerk(), "/funds/projects?year=2025", 200);
        assertTrue(list.contains("href=\"/funds/projects/" + id + "\"") && list.contains("测试村101") && list.contains("发布村级申报公示")
                && !list.contains("id=\"batch-decision\""), list);
        assertHuman("list", list);
        assertTrue(page(c.reviewer(), "/funds/projects?year=2025", 200).contains("id=\"batch-decision\""));

        // The clerk publishes the village notice from the project page; the township cannot review before it is over.
        String p = "/funds/projects/" + id;
        String noticed = follow(c.clerk(), form(c.clerk(), p).formParam("notice.kind", "VILLAGE_NOTICE").formParam("notice.startsOn", START.toString())
                .formParam("notice.endsOn", START.plusDays(4).toString()).formParam("notice.place", "村务公开栏").post(p + "/notices"));
        assertTrue(noticed.contains("已发布村级申报公示") && noticed.contains("村务公开栏"), noticed);
        Response early = form(c.reviewer(), p).formParam("decision.step", "TOWNSHIP_REVIEW").formParam("decision.approve", "yes")
                .formParam("decision.opinion", "同意").formParam("version", version(c, id)).post(p + "/decision");
        assertEquals(409, early.statusCode(), early.asString());
        assertTrue(early.asString().contains("2025-03-08 起可办理") && early.asString().contains(">同意</textarea>"), early.asString());
        FundsFixture.setToday(c, START.plusDays(5));
        String reviewed = follow(c.reviewer(), form(c.reviewer(), p).formParam("decision.step", "TOWNSHIP_REVIEW").formParam("decision.approve", "yes")
                .formParam("decision.opinion", "同意上报").formParam("version", version(c, id)).post(p + "/decision"));
        assertTrue(reviewed.contains("乡镇已审核") && reviewed.contains("同意上报") && reviewed.contains("乡镇审核通过"), reviewed);
        assertHuman("reviewed", reviewed);

        // The notice to print: county, project, village, money, households by number and head only, period, objection line, source.
        long noticeId = FundsFixture.get(c, id).getLong("notices[0].id");
        String print = page(c.clerk(), p + "/notices/" + noticeId, 200);
        assertTrue(print.contains("黑木耳大棚项目申报公示") && print.contains("测试镇101测试村101村民委员会") && print.contains(householdNo)
                && print.contains("钱守义") && print.contains("中央") && print.contains("300000.00") && print.contains("2025-03-03 至 2025-03-07")
                && print.contains("12317") && print.contains("黑农办发〔2024〕7号"), print);
        assertFalse(print.contains(headId), "an ID number on the notice");
        assertHuman("notice", print);
        Pdfs.assumeCjkFont();
        Pdfs.Download pdf = Pdfs.get(as(c.clerk()), p + "/notices/" + noticeId + "/pdf");
        String text = pdf.text().replaceAll("\\s+", "");
        assertTrue(pdf.fileName().endsWith("黑木耳大棚项目申报公示.pdf"), pdf.fileName());
        assertTrue(text.contains("黑木耳大棚项目申报公示") && text.contains(householdNo) && text.contains("钱守义") && text.contains("12317"), text);
        assertFalse(text.contains(headId) || text.contains("下载PDF") || text.contains("打印"), text);
    }

    @Test
    void aBatchTownshipReviewDecidesEachProjectOnItsOwnAndSaysWhyOneWasNotDone() {
        County c = FundsFixture.county("heilongjiang", "23");
        used.add(c);
        FundsFixture.setToday(c, START);
        long over = FundsFixture.declare(c, FundsFixture.project(c, 2025, "村道硬化", "INFRASTRUCTURE", "PUBLIC_WELFARE", Map.of("CENTRAL", "200000")));
        long running = FundsFixture.declare(c, FundsFixture.project(c, 2025, "饮水巩固提升", "INFRASTRUCTURE", "PUBLIC_WELFARE", Map.of("CENTRAL", "100000")));
        as(c.clerk()).body(FundsFixture.notice("VILLAGE_NOTICE", START, START.plusDays(4), "村务公开栏")).post(c.base() + "/projects/" + over + "/notices")
                .then().statusCode(200);
        as(c.clerk()).body(FundsFixture.notice("VILLAGE_NOTICE", START.plusDays(3), START.plusDays(9), "村务公开栏"))
                .post(c.base() + "/projects/" + running + "/notices").then().statusCode(200);
        FundsFixture.setToday(c, START.plusDays(5));

        String list = page(c.reviewer(), "/funds/projects?year=2025", 200);
        assertTrue(list.contains("value=\"" + over + ":" + version(c, over) + "\"") && list.contains("<option value=\"TOWNSHIP_REVIEW\"")
                && !list.contains("<option value=\"COUNTY_DECISION\""), list);
        Response batch = form(c.reviewer(), "/funds/projects?year=2025").formParam("year", "2025").formParam("step", "TOWNSHIP_REVIEW")
                .formParam("approve", "yes").formParam("opinion", "同意").formParam("items", over + ":" + version(c, over))
                .formParam("items", running + ":" + version(c, running)).post("/funds/projects/batch");
        assertEquals(200, batch.statusCode(), batch.asString());
        String results = batch.asString();
        assertTrue(results.contains("data-project=\"" + over + "\" data-ok=\"true\"") && results.contains("data-project=\"" + running + "\" data-ok=\"false\"")
                && results.contains("2025-03-13 起可办理"), results);
        assertHuman("batch", results);
        assertEquals("TOWNSHIP_REVIEWED", FundsFixture.get(c, over).getString("status"));
        assertEquals("DECLARED", FundsFixture.get(c, running).getString("status"));

        // The township filters by its villages and 环节, sorts by the columns the service allows, and is told why another is refused.
        String filtered = page(c.reviewer(), "/funds/projects?year=2025&status=DECLARED&village=" + c.village() + "&sort=name&dir=asc", 200);
        assertTrue(filtered.contains("<option value=\"" + c.village() + "\" selected>测试村101</option>") && filtered.contains("饮水巩固提升")
                && !filtered.contains("村道硬化") && filtered.contains("aria-sort=\"ascending\""), filtered);
        String badSort = page(c.reviewer(), "/funds/projects?year=2025&sort=amount", 400);
        assertTrue(badSort.contains("id=\"projects-error\"") && badSort.contains("项目名称"), badSort);
    }

    @Test
    void theIndicatorDocumentsOfAYearAreListedAndAddedOnTheirPage() {
        County c = FundsFixture.county("heilongjiang", "23");
        used.add(c);
        FundsFixture.setToday(c, START);
        String doc = "黑财农〔2025〕" + c.code() + "号";
        String added = follow(c.finance(), form(c.finance(), "/funds/allocations?year=2025").formParam("year", "2025").formParam("docNumber", doc)
                .formParam("title", "2025年中央衔接资金").formParam("source", "CENTRAL").formParam("amount", "1000000")
                .formParam("receivedOn", START.toString()).post("/funds/allocations"));
        assertTrue(added.contains(doc) && added.contains("1000000.00") && added.contains("2025-03-03"), added);
        assertHuman("allocations", added);
        Response bad = form(c.finance(), "/funds/allocations?year=2025").formParam("year", "2025").formParam("docNumber", "").formParam("source", "CENTRAL")
                .formParam("amount", "一百万").formParam("receivedOn", START.toString()).post("/funds/allocations");
        assertEquals(400, bad.statusCode(), bad.asString());
        assertTrue(bad.asString().contains("金额应为数字"), bad.asString());
        // The year's deadlines with their source, and the county marks the implementation plan done (late here: due the year before).
        String library = page(c.admin(), "/funds/projects?year=2025", 200);
        assertTrue(library.contains("2025年度项目库建设应于2024年10月31日前完成") && library.contains("黑农办发〔2024〕7号")
                && library.contains("id=\"plan-form\""), library);
        String planned = follow(c.admin(), form(c.admin(), "/funds/projects?year=2025").formParam("year", "2025")
                .formParam("completedOn", START.toString()).formParam("docNumber", "测农〔2025〕1号").post("/funds/projects/plan"));
        assertTrue(planned.contains("2025年度项目实施计划已登记编制完成（逾期编制）") && planned.contains("测农〔2025〕1号") && !planned.contains("id=\"plan-form\""),
                planned);
        assertFalse(page(c.clerk(), "/funds/projects?year=2025", 200).contains("id=\"plan-form\""));
        // A village clerk reads the list but has no add form.
        assertFalse(page(c.clerk(), "/funds/allocations?year=2025", 200).contains("id=\"allocation-form\""));
        // The site navigation offers 衔接资金 to funds readers.
        assertTrue(page(c.clerk(), "/", 200).contains("href=\"/funds/projects\""));
    }

    @Test
    void aListedProjectIsApprovedAgainstAnIndicatorDocumentCompletedAndAuditedFromItsPage() {
        County c = FundsFixture.county("heilongjiang", "23");
        used.add(c);
        FundsFixture.setToday(c, START);
        long central = FundsFixture.allocation(c, 2025, "CENTRAL", "1000000", START);
        long id = FundsFixture.declare(c, FundsFixture.project(c, 2025, "产业路", "INFRASTRUCTURE", "PUBLIC_WELFARE", Map.of("CENTRAL", "200000")));
        FundsFixture.list(c, id, START);
        String p = "/funds/projects/" + id;
        long funding = FundsFixture.get(c, id).getLong("fundings[0].id");
        String docNumber = as(c.admin()).get(c.base() + "/allocations?year=2025").then().statusCode(200).extract().jsonPath()
                .getString("find { it.id == " + central + " }.docNumber");

        // The approver sees the 立项 form with the year's central-fund documents; the clerk does not.
        String listed = page(c.approver(), p, 200);
        assertTrue(listed.contains("id=\"approval-form\"") && listed.contains("name=\"approval.allocation." + funding + "\"")
                && listed.contains("<option value=\"" + central + "\">" + docNumber), listed);
        assertFalse(page(c.clerk(), p, 200).contains("id=\"approval-form\""));
        assertHuman("listed", listed);
        LocalDate on = START.plusDays(15);
        Response missing = form(c.approver(), p).formParam("approval.approvalDoc", "").formParam("approval.approvedOn", on.toString())
                .formParam("approval.allocation." + funding, central).formParam("version", version(c, id)).post(p + "/approval");
        assertEquals(400, missing.statusCode(), missing.asString());
        assertTrue(missing.asString().contains("data-field=\"approval.approvalDoc\"") && missing.asString().contains("请填写立项批复文号"), missing.asString());
        String approved = follow(c.approver(), form(c.approver(), p).formParam("approval.approvalDoc", "测政复〔2025〕" + id + "号")
                .formParam("approval.approvedOn", on.toString()).formParam("approval.allocation." + funding, central).formParam("version", version(c, id))
                .post(p + "/approval"));
        assertTrue(approved.contains("已立项批复") && approved.contains(docNumber) && approved.contains("测政复〔2025〕" + id + "号"), approved);
        String completed = follow(c.admin(), form(c.admin(), p).formParam("completion.date", on.toString()).formParam("version", version(c, id))
                .post(p + "/completion"));
        assertTrue(completed.contains("已竣工验收") && completed.contains("id=\"audit-form\""), completed);
        String audited = follow(c.admin(), form(c.admin(), p).formParam("audit.date", on.toString()).formParam("version", version(c, id)).post(p + "/audit"));
        assertTrue(audited.contains("已决算审计") && !audited.contains("id=\"audit-form\""), audited);
        assertHuman("audited", audited);

        // The county's announcement prints with the announcement's wording.
        long announcement = FundsFixture.get(c, id).getLong("notices.find { it.kind == 'COUNTY_ANNOUNCEMENT' }.id");
        String print = page(c.admin(), p + "/notices/" + announcement, 200);
        assertTrue(print.contains("产业路项目入库公告") && print.contains("特此公告") && print.contains("项目自发布之日起纳入项目库"), print);
        assertHuman("announcement", print);
        // The allocations page shows what is arranged from the document, with the project.
        String allocations = page(c.admin(), "/funds/allocations?year=2025", 200);
        assertTrue(allocations.contains(docNumber) && allocations.contains("href=\"/funds/projects/" + id + "\"") && allocations.contains("200000.00"),
                allocations);
    }

    static Map<String, Object> member(String name, String id, String relation) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("idNumber", id);
        m.put("relation", relation);
        m.put("labour", "普通劳动力");
        m.put("health", "健康");
        m.put("medicalInsured", true);
        return m;
    }
}
