package cn.fpjc.app.monitoring;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Cases;
import cn.fpjc.app.support.Pdfs;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages after identification: the plan editor answers each rule beside its row and keeps what was typed, the
 * 帮扶计划 sheet, visits with an uploaded photo, the elimination assessment, the follow-up ledgers, and the public
 * documents — the village's 公示 and the county's 公告 show masked numbers and no health details.
 */
@QuarkusTest
class AssistancePagesTest {
    static String county;
    static String village;
    static String clerk;
    static String reviewer;
    static String approver;
    static String otherClerk;
    static String headId;
    static long household;
    static long dependant;
    static long caseId;

    @BeforeEach
    void data() {
        if (county != null) {
            return;
        }
        county = Api.onboard("henan", "41");
        String admin = Api.createUser("t_ap_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] tv = Api.addTownshipAndVillage(admin, county, "101");
        village = tv[1];
        clerk = Api.createUser("t_ap_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        reviewer = Api.createUser("t_ap_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, tv[0]);
        approver = Api.createUser("t_ap_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        otherClerk = Api.createUser("t_ap_other_" + county, Roles.VILLAGE_CLERK, county, Api.addTownshipAndVillage(admin, county, "102")[1]);
    }

    static int cases;

    /** A household (a worker and his mother, who has no labour capacity and a serious illness) at its 村内公示 step. */
    static void openAtNotice() {
        cases++;
        headId = Ids.of("19720314", true);
        var h = as(clerk).body(Map.of("householdNo", "AP" + county + cases, "villageCode", village, "category", "一般农户", "members", List.of(
                Map.of("name", "赵文山", "idNumber", headId, "relation", "户主", "labour", "普通劳动力", "health", "健康"),
                Map.of("name", "赵母", "idNumber", Ids.of("19460101", false), "relation", "父母", "labour", "无劳动力", "health", "大病",
                        "illness", "尿毒症")))).post("/api/counties/" + county + "/households").then().statusCode(201).extract().jsonPath();
        household = h.getLong("id");
        dependant = h.getLong("members.find { it.relation != 'HEAD' }.id");
        caseId = as(clerk).body(Map.of("householdId", household, "monitoringType", "边缘易致贫户", "riskCategories", List.of("因病"),
                "startedOn", "2024-09-20")).post("/api/counties/" + county + "/cases").then().statusCode(201).extract().jsonPath().getLong("id");
        complete(clerk, "verify", "2024-09-23");
        complete(clerk, "authorize", "2024-09-24");
        complete(clerk, "review", "2024-10-09");
    }

    static void complete(String who, String step, String on) {
        Cases.complete(county, clerk, who, caseId, step, on);
    }

    /** A multipart form as a browser sends it: text parts in UTF-8. */
    static RequestSpecification multipart() {
        return io.restassured.RestAssured.given().config(io.restassured.RestAssured.config().multiPartConfig(
                io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"))).auth().oauth2(Api.token(clerk)).redirects()
                .follow(false);
    }

    static io.restassured.specification.MultiPartSpecification text(String name, String value) {
        return new io.restassured.builder.MultiPartSpecBuilder(value).controlName(name).charset("UTF-8").build();
    }

    static RequestSpecification form(String user) {
        return as(user).contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false);
    }

    /** 公示 and 公告 as PDFs (issue 18 item 11): read back with PDFBox, the Chinese text is there, the font embedded, no full number. */
    @Test
    void theVillageNoticeAndTheCountyAnnouncementDownloadAsPdfWithTheTextPresent() {
        Pdfs.assumeCjkFont();
        openAtNotice();
        String masked = as(clerk).get("/api/counties/" + county + "/households/" + household).jsonPath()
                .getString("members.find { it.relation == 'HEAD' }.idMasked");
        var set = cn.fpjc.app.support.BrowserForm.from("/cases/" + caseId, Api.token(clerk)).formParam("from", "2024-10-10").formParam("to", "2024-10-15")
                .formParam("version", as(clerk).get("/api/counties/" + county + "/cases/" + caseId).then().extract().jsonPath().getLong("version"))
                .post("/cases/" + caseId + "/notice-period");
        assertEquals(303, set.statusCode(), set.asString());
        // The print page offers the download beside its print button, with the same fields.
        as(clerk).accept("text/html").queryParam("village", village).get("/documents/village-notice").then().statusCode(200)
                .body(containsString("formaction=\"/documents/village-notice/pdf\""));
        Pdfs.Download notice = Pdfs.get(as(clerk).queryParam("village", village).queryParam("contact", "0371-6666888"), "/documents/village-notice/pdf");
        String text = notice.text().replaceAll("\\s+", "");
        assertEquals("测试村101公示.pdf", notice.fileName());
        assertTrue(text.contains("测试镇101测试村101防止返贫监测帮扶公示") && text.contains("赵文山") && text.contains(masked)
                && text.contains("公示期：2024-10-10至2024-10-15（共6天）") && text.contains("0371-6666888"), text);
        assertFalse(text.contains(headId), "full number in the PDF");
        assertFalse(text.contains("打印") || text.contains("下载PDF") || text.contains("更新"), "screen-only controls in the PDF: " + text);
        // Same access rules as the print page: another village's clerk is refused.
        as(otherClerk).accept("text/html,application/xhtml+xml,*/*;q=0.8").queryParam("village", village).get("/documents/village-notice/pdf").then().statusCode(400)
                .contentType(containsString("text/html"));

        complete(clerk, "notice", "2024-10-15");
        complete(reviewer, "township", "2024-10-16");
        complete(approver, "county", "2024-10-16");
        Pdfs.Download announcement = Pdfs.get(as(approver).queryParam("from", "2024-10-01").queryParam("to", "2024-10-31"), "/documents/county-announcement/pdf");
        text = announcement.text().replaceAll("\\s+", "");
        assertTrue(announcement.fileName().endsWith("防止返贫监测帮扶公告.pdf"), announcement.fileName());
        assertTrue(text.contains("防止返贫监测帮扶公告") && text.contains("赵文山") && text.contains("边缘易致贫户") && text.contains(masked), text);
        assertFalse(text.contains(headId), "full number in the PDF");
    }

    @Test
    void theVillageNoticeAndTheCountyAnnouncementShowMaskedNumbersAndNoHealthDetails() {
        openAtNotice();
        // The case is at its 村内公示 step: the case page links to the village's notice.
        as(clerk).accept("text/html").get("/cases/" + caseId).then().statusCode(200).body(containsString("id=\"village-notice-link\""));
        String notice = as(clerk).accept("text/html").queryParam("village", village).queryParam("contact", "0371-6666888")
                .get("/documents/village-notice").then().statusCode(200).extract().asString();
        // Not printed before its dates are set; then exactly the dates set on the case page's 开始公示 form.
        assertTrue(notice.contains("另有 1 户已到公示环节但尚未设定公示起止日期") && !notice.contains("赵文山"), notice);
        String withToken = as(clerk).accept("text/html").get("/cases/" + caseId).then().statusCode(200).extract().asString();
        assertTrue(withToken.contains("id=\"notice-period-form\""), withToken);
        var set = cn.fpjc.app.support.BrowserForm.from("/cases/" + caseId, cn.fpjc.app.support.Api.token(clerk))
                .formParam("from", "2024-10-10").formParam("to", "2024-10-15")
                .formParam("version", as(clerk).get("/api/counties/" + county + "/cases/" + caseId).then().extract().jsonPath().getLong("version"))
                .post("/cases/" + caseId + "/notice-period");
        assertEquals(303, set.statusCode(), set.asString());
        notice = as(clerk).accept("text/html").queryParam("village", village).queryParam("contact", "0371-6666888")
                .get("/documents/village-notice").then().statusCode(200).extract().asString();
        assertTrue(notice.contains("赵文山") && notice.contains(headId.substring(0, 6)) && notice.contains("拟纳入监测对象"), notice);
        assertTrue(notice.contains("公示期：2024-10-10 至 2024-10-15（共6天）") && notice.contains("0371-6666888"), notice);
        assertFalse(notice.contains(headId), "full number on a public notice");
        assertFalse(notice.contains("尿毒症") || notice.contains("因病") || notice.contains("大病"), "health details on a public notice");
        // 乡镇初审 waits for the 公示 to end.
        complete(clerk, "notice", "2024-10-15");
        as(reviewer).body(Api.versioned(reviewer, "/api/counties/" + county + "/cases/" + caseId, Map.of("stepId", "township",
                "evidence", Map.of("乡镇审核意见", "同意"), "completedOn", "2024-10-15"))).post("/api/counties/" + county + "/cases/" + caseId + "/complete")
                .then().statusCode(400).body("fields.message", org.hamcrest.Matchers.hasItem(containsString("公示期至2024-10-15")));
        // Another village's clerk cannot print this village's notice.
        as(otherClerk).accept("text/html")
                .queryParam("village", village).get("/documents/village-notice").then().statusCode(400);

        complete(reviewer, "township", "2024-10-16");
        complete(approver, "county", "2024-10-16");
        String announcement = as(approver).accept("text/html").queryParam("from", "2024-10-01").queryParam("to", "2024-10-31")
                .get("/documents/county-announcement").then().statusCode(200).extract().asString();
        assertTrue(announcement.contains("纳入防止返贫监测对象（") && announcement.contains("赵文山") && announcement.contains("边缘易致贫户"),
                announcement);
        assertFalse(announcement.contains(headId) || announcement.contains("尿毒症") || announcement.contains("因病"), announcement);
        as(clerk).accept("text/html").get("/documents/county-announcement").then().statusCode(403);
        as(approver).queryParam("from", "2024-10-01").queryParam("to", "2024-10-31").get("/api/counties/" + county + "/documents/county-announcement")
                .then().statusCode(200).body("included.caseId", org.hamcrest.Matchers.hasItem((int) caseId))
                .body("included.headIdMasked", not(org.hamcrest.Matchers.hasItem(headId)));
    }

    @Test
    void aStepTakesScannedEvidenceCheckedByItsBytes() {
        openAtNotice();
        byte[] pdf = "%PDF-1.4\n% 村内公示照片\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var saved = multipart().multiPart("scan", "notice-photo.pdf", pdf, "application/pdf").post("/cases/" + caseId + "/steps/notice/scans");
        assertEquals(303, saved.statusCode(), saved.asString());
        String page = as(clerk).accept("text/html").get("/cases/" + caseId).then().statusCode(200).extract().asString();
        assertTrue(page.contains("class=\"scan\"") && page.contains("notice-photo.pdf") && page.contains("id=\"scan-form\""), page);
        var c = as(clerk).get("/api/counties/" + county + "/cases/" + caseId).then().statusCode(200).extract().jsonPath();
        long scan = c.getLong("steps.find { it.stepId == 'notice' }.scans[0].id");
        as(clerk).get("/api/counties/" + county + "/cases/" + caseId + "/scans/" + scan).then().statusCode(200)
                .contentType("application/pdf").header("X-Content-Type-Options", "nosniff");
        // A file that is not a JPEG, PNG or PDF by its bytes is refused on the page, whatever its name says.
        String refused = multipart().multiPart("scan", "假.pdf", "不是PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/pdf")
                .post("/cases/" + caseId + "/steps/notice/scans").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("JPEG") || refused.contains("PDF"), refused);
        // A step not reached yet takes nothing; the township reviewer does not upload the village's evidence.
        as(clerk).body(Map.of("name", "a.pdf", "contentBase64", java.util.Base64.getEncoder().encodeToString(pdf)))
                .post("/api/counties/" + county + "/cases/" + caseId + "/steps/entry/scans").then().statusCode(409);
        as(reviewer).body(Map.of("name", "a.pdf", "contentBase64", java.util.Base64.getEncoder().encodeToString(pdf)))
                .post("/api/counties/" + county + "/cases/" + caseId + "/steps/notice/scans").then().statusCode(403);
    }

    /** 帮扶计划 as a PDF (issue 18 item 11), through its page route: the household, its measures, the head's number masked. */
    @Test
    void thePlanSheetDownloadsAsPdfWithTheHouseholdAndItsMeasures() {
        Pdfs.assumeCjkFont();
        openAtNotice();
        complete(clerk, "notice", "2024-10-14");
        complete(reviewer, "township", "2024-10-15");
        complete(approver, "county", "2024-10-16");
        Map<String, String> f = new HashMap<>();
        f.put("rows", "1");
        f.put("responsibleOfficial", "孙帮扶");
        f.put("m0.type", "MEDICAL");
        f.put("m0.memberId", String.valueOf(dependant));
        f.put("m0.description", "母亲透析费用按规定报销");
        f.put("m0.risks", "因病");
        f.put("m0.startOn", "2024-10-20");
        form(clerk).formParams(f).post("/cases/" + caseId + "/plan").then().statusCode(303);
        String masked = as(clerk).get("/api/counties/" + county + "/households/" + household).jsonPath()
                .getString("members.find { it.relation == 'HEAD' }.idMasked");
        String householdNo = "AP" + county + cases;
        // The print page links its PDF beside the print button.
        as(clerk).accept("text/html").get("/cases/" + caseId + "/plan/sheet").then().statusCode(200)
                .body(containsString("href=\"/cases/" + caseId + "/plan/sheet/pdf\""));

        Pdfs.Download sheet = Pdfs.get(as(clerk), "/cases/" + caseId + "/plan/sheet/pdf");
        assertTrue(sheet.fileName().startsWith("“一户一策”帮扶计划") && sheet.fileName().contains(householdNo) && sheet.fileName().endsWith(".pdf"),
                sheet.fileName());
        String text = sheet.text().replaceAll("\\s+", "");
        assertTrue(text.contains("防止返贫监测对象“一户一策”帮扶计划") && text.contains("测试村101") && text.contains(householdNo)
                && text.contains("赵文山") && text.contains(masked), text);
        assertTrue(text.contains("医疗保障与医疗救助") && text.contains("赵母") && text.contains("母亲透析费用按规定报销") && text.contains("因病")
                && text.contains("2024-10-20起") && text.contains("孙帮扶"), "the measure and who helps: " + text);
        assertFalse(text.contains(headId), "full number in the PDF");
        assertFalse(text.contains("打印") || text.contains("下载PDF") || text.contains("返回帮扶计划"), "screen-only controls in the PDF: " + text);
        // Same access rules as the print page: another village's clerk does not see the case.
        as(otherClerk).get("/cases/" + caseId + "/plan/sheet/pdf").then().statusCode(404);
    }

    @Test
    void thePlanEditorAnswersEachRuleBesideItsRowAndPrintsTheSheet() {
        openAtNotice();
        complete(clerk, "notice", "2024-10-14");
        complete(reviewer, "township", "2024-10-15");
        complete(approver, "county", "2024-10-16");
        String page = as(clerk).accept("text/html").get("/cases/" + caseId + "/plan").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"plan-form\""), page);
        assertTrue(page.contains("已逾期") && page.contains("赵母（无劳动力）"), page);
        Map<String, String> f = new HashMap<>();
        f.put("rows", "3");
        f.put("responsibleOfficial", "钱帮扶");
        f.put("labourWilling", "on");
        f.put("m0.type", "PUBLIC_WELFARE_JOB");
        f.put("m0.memberId", String.valueOf(dependant));
        f.put("m0.risks", "因病");
        f.put("m0.startOn", "2024-10-20");
        f.put("m1.type", "MEDICAL");
        f.put("m1.risks", "因病");
        f.put("m1.startOn", "不是日期");
        // A date that does not read is answered first, beside its row, with everything typed kept.
        String badDate = form(clerk).formParams(f).post("/cases/" + caseId + "/plan").then().statusCode(400).extract().asString();
        assertTrue(badDate.contains("data-field=\"startOn\"") && badDate.contains("value=\"钱帮扶\"") && badDate.contains("value=\"不是日期\""), badDate);
        // Then the rules: the mother has no labour capacity.
        f.put("m1.startOn", "2024-10-20");
        String refused = form(clerk).formParams(f).post("/cases/" + caseId + "/plan").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("data-field=\"memberId\"") && refused.contains("不能安排「乡村公益性岗位」"), refused);
        f.put("m0.type", "EMPLOYMENT");
        f.put("m0.memberId", "");
        f.put("m1.startOn", "2024-10-20");
        form(clerk).formParams(f).post("/cases/" + caseId + "/plan").then().statusCode(303)
                .header("Location", containsString("/cases/" + caseId + "/plan"));
        String sheet = as(clerk).accept("text/html").get("/cases/" + caseId + "/plan/sheet").then().statusCode(200).extract().asString();
        assertTrue(sheet.contains("“一户一策”帮扶计划") && sheet.contains("务工就业帮扶") && sheet.contains("钱帮扶") && !sheet.contains(headId), sheet);
        // The case's history and its steps name who did each by display name, never by username.
        String casePage = as(clerk).accept("text/html").get("/cases/" + caseId).then().statusCode(200).extract().asString();
        String caseText = casePage.replaceAll("<[^>]*>", " ");
        for (String who : List.of(clerk, reviewer, approver)) {
            assertTrue(caseText.contains("测试用户" + who) && !caseText.replace("测试用户" + who, "").contains(who), casePage);
        }
        // The follow-up page: nothing due for the plan now; Henan sets no long-case limit and says so.
        String followup = as(clerk).accept("text/html").get("/followup").then().statusCode(200).extract().asString();
        assertTrue(followup.contains("未规定长期未消除风险的认定年限"), followup);
        assertFalse(followup.contains("data-case=\"" + caseId + "\""), followup);
        // The elimination page assesses (once the identification is finished) without storing anything.
        form(clerk).formParams(Map.of("action", "assess")).post("/cases/" + caseId + "/elimination").then().statusCode(409)
                .body(containsString("信息录入尚未办结"));
        complete(clerk, "entry", "2024-10-20");
        String assessed = form(clerk).formParams(Map.of("action", "assess", "rigidExpensesNote", "")).post("/cases/" + caseId + "/elimination")
                .then().statusCode(200).extract().asString();
        assertTrue(assessed.contains("不符合条件") && assessed.contains("data-code=\"INCOME\"") && assessed.contains("没有收入记录"), assessed);
        form(clerk).formParams(Map.of("action", "start")).post("/cases/" + caseId + "/elimination").then().statusCode(409)
                .body(containsString("不符合风险消除条件"));
        // A visit with a photo, through the multipart form; a text file is refused beside its input.
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        multipart().multiPart(text("kind", "OFFICIAL"))
                .multiPart(text("visitor", "钱帮扶")).multiPart(text("visitedOn", "2024-11-02")).multiPart(text("findings", "母亲透析费用已报销"))
                .multiPart("attachment", "photo.png", png, "image/png").post("/cases/" + caseId + "/visits").then().statusCode(303);
        String bad = multipart().multiPart(text("kind", "LOOKBACK"))
                .multiPart(text("visitor", "钱帮扶")).multiPart(text("visitedOn", "2024-11-03")).multiPart(text("findings", "回头看措施落实"))
                .multiPart("attachment", "notes.txt", "只是文字".getBytes(), "text/plain").post("/cases/" + caseId + "/visits").then().statusCode(400)
                .extract().asString();
        assertTrue(bad.contains("data-field=\"attachment\""), bad);
        String visits = as(clerk).accept("text/html").get("/cases/" + caseId + "/visits").then().statusCode(200).extract().asString();
        assertTrue(visits.contains("母亲透析费用已报销") && visits.contains("photo.png") && !visits.contains("回头看措施落实"), visits);
    }
}
