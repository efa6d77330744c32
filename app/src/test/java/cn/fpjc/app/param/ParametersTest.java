package cn.fpjc.app.param;

import cn.fpjc.core.policy.PolicyError;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.policy.param.EffectiveParameters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 本县执行参数: each demo county's parameters for 2024 as PROVINCES.md and the seeds give them, with their origin. */
@QuarkusTest
class ParametersTest {
    @Inject
    EffectiveParameters parameters;

    static ValidatableResponse params(String user, String county, int year) {
        return as(user).queryParam("year", year).get("/api/counties/" + county + "/parameters").then().statusCode(200);
    }

    static void expect(ValidatableResponse r, String key, String value, String origin) {
        r.body("find { it.key == '" + key + "' }.value", value == null ? nullValue() : equalTo(value))
                .body("find { it.key == '" + key + "' }.origin", equalTo(origin));
    }

    @Test
    void heilongjiang2024() {
        ValidatableResponse r = params("yanshou.clerk", "230129", 2024);
        expect(r, "monitoring.clue-verify-days", "5", "PROVINCE");
        expect(r, "monitoring.village-notice-days", "5", "PROVINCE");
        expect(r, "monitoring.data-entry-days", "10", "PROVINCE");
        expect(r, "monitoring.centralized-screenings-per-year", "2", "PROVINCE");
        expect(r, "assistance.plan-days", "10", "PROVINCE");
        expect(r, "monitoring.identification-max-days", "15", "NATIONAL");
        expect(r, "monitoring.threshold", null, "NOT_SET");
        // 延寿县 is one of the 11 富农产业贷 pilot counties: a county override.
        expect(r, "programme.funong-loan.pilot", "是", "COUNTY");
        r.body("find { it.key == 'programme.funong-loan.pilot' }.source", containsString("富农产业贷"));
    }

    @Test
    void assistanceStandardsAndFundRules2024() {
        ValidatableResponse hlj = params("yanshou.approver", "230129", 2024);
        expect(hlj, "assistance.housing.c-grade-subsidy", "14000", "PROVINCE");
        expect(hlj, "assistance.housing.d-grade-subsidy", "28000", "PROVINCE");
        expect(hlj, "assistance.yulu.per-student-year", "3000", "PROVINCE");
        expect(hlj, "assistance.yulu.spring-pay-by", "07-15", "PROVINCE");
        expect(hlj, "assistance.work-award.in-province", "500", "PROVINCE");
        expect(hlj, "assistance.dibao.taper-max-months", "12", "PROVINCE");
        expect(hlj, "assistance.medical.partial-subsidy-pays", "152", "PROVINCE");
        expect(hlj, "loan.micro.max-amount-with-addon", "100000", "PROVINCE");
        expect(hlj, "programme.funong-loan.max-amount", "200000", "PROVINCE");
        expect(hlj, "funds.progress.mid-jul", "54.17", "PROVINCE");
        expect(hlj, "funds.progress.mid-oct", "79.17", "PROVINCE");
        expect(hlj, "funds.management-fee.central-max", "1", "PROVINCE");
        expect(hlj, "funds.pooling.provincial-max", "60", "PROVINCE");
        expect(hlj, "funds.project-approval-days", "45", "PROVINCE");
        // The medical contribution is fixed per year: 2025 needs its own value.
        expect(params("yanshou.approver", "230129", 2025), "assistance.medical.contribution", null, "NOT_SET");

        ValidatableResponse henan = params("lankao.approver", "410225", 2024);
        expect(henan, "assistance.dibao.taper-max-months", "6", "PROVINCE");
        expect(henan, "assistance.dibao.min-standard-monthly", "440", "PROVINCE");
        expect(henan, "assistance.housing.d-grade-subsidy", "50000", "PROVINCE");
        expect(henan, "assistance.public-welfare-job.subsidy-max-years", "3", "PROVINCE");
        expect(henan, "funds.industry-share-min", "60", "PROVINCE");
        expect(henan, "funds.progress.mid-jul", null, "NOT_SET");

        expect(params("minqin.approver", "620621", 2024), "funds.industry-share-min", "60", "COUNTY");
        expect(params("minqin.approver", "620621", 2024), "funds.progress.year-end", "100", "COUNTY");
        expect(params("xinfeng.approver", "360722", 2024), "funds.industry-share-min", "65", "COUNTY");
        expect(params("xinfeng.approver", "360722", 2024), "funds.progress.end-sep", "75", "COUNTY");
        expect(params("huayuan.approver", "433124", 2024), "funds.industry-share-min", "60", "PROVINCE");
    }

    @Test
    void followUpCadencesEducationAndProgrammeStandards2024() {
        ValidatableResponse minqin = params("minqin.approver", "620621", 2024);
        expect(minqin, "followup.official-visit-interval-months", "3", "COUNTY");
        expect(minqin, "followup.team-visit-monitored-interval-months", "1", "COUNTY");
        expect(minqin, "followup.resident-team-days-per-year", "220", "COUNTY");
        ValidatableResponse xinfeng = params("xinfeng.approver", "360722", 2024);
        expect(xinfeng, "followup.lookback-open-interval-months", "3", "COUNTY");
        expect(xinfeng, "followup.lookback-eliminated-interval-months", "1", "COUNTY");
        expect(xinfeng, "assistance.housing.move-in-by", "10-31", "COUNTY");
        expect(xinfeng, "programme.photovoltaic.om-visits-per-month", "2", "COUNTY");
        expect(xinfeng, "loan.micro.new-loan-target", "50000000", "COUNTY");
        ValidatableResponse hunan = params("huayuan.approver", "433124", 2024);
        expect(hunan, "followup.long-case-analyses-per-year", "2", "PROVINCE");
        expect(hunan, "funds.project-plan-threshold", "500000", "PROVINCE");
        ValidatableResponse henan = params("lankao.approver", "410225", 2024);
        expect(henan, "assistance.dibao.edge-income-multiple", "1.5", "PROVINCE");
        expect(henan, "assistance.tekun.min-annual", "6864", "PROVINCE");
        expect(henan, "programme.photovoltaic.online-rate-min", "99", "PROVINCE");
        expect(henan, "assistance.min-developmental-measures-with-labour", "1", "NATIONAL");
        expect(params("yanshou.approver", "230129", 2024), "assistance.education.boarding-junior", "1250", "PROVINCE");
        expect(minqin, "assistance.education.college-one-off-bachelor", "10000", "COUNTY");
        expect(xinfeng, "programme.industry-award.notice-days", "7", "COUNTY");
        expect(xinfeng, "programme.industry-award.second-pay-by", "09-30", "COUNTY");
        expect(henan, "programme.relocation.service-station-site-size", "800", "PROVINCE");
        expect(henan, "assistance.medical-aid.inpatient-rate-edge", "65", "PROVINCE");
        expect(henan, "assistance.yulu.short-training-b", "1800", "PROVINCE");
        expect(xinfeng, "assistance.dibao.standard-increase-min", "5", "COUNTY");
        expect(hunan, "programme.relocation.inspection-months", "7月", "PROVINCE");
        expect(params("yanshou.approver", "230129", 2024), "assistance.yulu.records-by", "12-20", "PROVINCE");
    }

    @Test
    void aHeilongjiangCountyOutsideThePilotListIsNotAPilot() {
        String county = Api.onboard("heilongjiang", "23");
        String user = Api.createUser("t_clerkless_" + county, "county-approver", county, county);
        expect(params(user, county, 2024), "programme.funong-loan.pilot", null, "NOT_SET");
    }

    @Test
    void henanThreshold7500IsThe2023ReferenceOnly() {
        ValidatableResponse r2023 = params("lankao.clerk", "410225", 2023);
        expect(r2023, "monitoring.threshold", "7500", "PROVINCE");
        expect(r2023, "monitoring.identification-max-days", "15", "PROVINCE");
        expect(r2023, "monitoring.village-notice-days", "5", "PROVINCE");
        expect(r2023, "assistance.plan-days", "10", "PROVINCE");
        ValidatableResponse r2024 = params("lankao.clerk", "410225", 2024);
        expect(r2024, "monitoring.threshold", null, "NOT_SET");
        expect(r2024, "monitoring.data-entry-days", "10", "PROVINCE");
        expect(r2024, "monitoring.centralized-screenings-per-year", "2", "PROVINCE");
    }

    @Test
    void minqinCountyProfileOverridesTheNationalDefaults() {
        ValidatableResponse r = params("minqin.reviewer", "620621", 2024);
        expect(r, "monitoring.threshold", "7800", "COUNTY");
        expect(r, "monitoring.clue-verify-days", "5", "COUNTY");
        expect(r, "monitoring.check-feedback-working-days", "5", "COUNTY");
        expect(r, "monitoring.approval-working-days", "5", "COUNTY");
        expect(r, "monitoring.identification-max-days", "15", "COUNTY");
        expect(r, "monitoring.department-alert-day", "28", "COUNTY");
        expect(r, "assistance.plan-days", "10", "COUNTY");
        expect(r, "assistance.plan-readjust-deadline", "03-31", "COUNTY");
        expect(r, "monitoring.village-notice-days", "5", "NATIONAL");
        r.body("find { it.key == 'monitoring.threshold' }.source", containsString("7800"));
    }

    @Test
    void anotherGansuCountyDoesNotInheritMinqinsProfile() {
        String county = Api.onboard("gansu", "62");
        String user = Api.createUser("t_approver_" + county, "county-approver", county, county);
        ValidatableResponse r = params(user, county, 2024);
        expect(r, "monitoring.threshold", null, "NOT_SET");
        expect(r, "monitoring.check-feedback-working-days", null, "NOT_SET");
        expect(r, "monitoring.identification-max-days", "15", "NATIONAL");
    }

    @Test
    void jiangxiAndHunan2024() {
        expect(params("xinfeng.clerk", "360722", 2024), "monitoring.self-report-channel", "12317、“信速办”等平台", "COUNTY");
        ValidatableResponse hunan = params("huayuan.clerk", "433124", 2024);
        expect(hunan, "monitoring.threshold-deadline", "03-31", "PROVINCE");
        expect(hunan, "monitoring.centralized-screenings-per-year", "2", "PROVINCE");
        expect(hunan, "monitoring.threshold", null, "NOT_SET");
    }

    @Test
    void aProvinceAdminSetsTheYearsThresholdForThatYearOnlyAndItIsAudited() {
        as("hunan-admin").body(Map.of("value", "7900", "source", "湘农办〔2025〕测试号"))
                .put("/api/admin/provinces/hunan/yearly-values/monitoring.threshold/2025")
                .then().statusCode(200).body("value", equalTo("7900")).body("setBy", equalTo("hunan-admin"));

        expect(params("huayuan.clerk", "433124", 2025), "monitoring.threshold", "7900", "PROVINCE_YEARLY");
        expect(params("huayuan.clerk", "433124", 2024), "monitoring.threshold", null, "NOT_SET");
        expect(params("huayuan.clerk", "433124", 2026), "monitoring.threshold", null, "NOT_SET");
        // Another province's counties are untouched.
        expect(params("lankao.clerk", "410225", 2025), "monitoring.threshold", null, "NOT_SET");

        // Changing a year already set needs the version read (optimistic lock): without it refused, with a stale one 409.
        String url2025 = "/api/admin/provinces/hunan/yearly-values/monitoring.threshold/2025";
        as("hunan-admin").body(Map.of("value", "7950", "source", "湘农办〔2025〕更正")).put(url2025).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("fields[0].field", equalTo("version"))
                .body("message", org.hamcrest.Matchers.containsString("已设定为 7900"));
        int read = as("hunan-admin").get("/api/admin/provinces/hunan/yearly-values").then().statusCode(200)
                .extract().path("find { it.year == 2025 && it.key == 'monitoring.threshold' }.version");
        as("hunan-admin").body(Map.of("value", "7950", "source", "湘农办〔2025〕更正", "version", read)).put(url2025)
                .then().statusCode(200).body("version", equalTo(read + 1));
        as("hunan-admin").body(Map.of("value", "7990", "source", "湘农办〔2025〕再更正", "version", read)).put(url2025)
                .then().statusCode(409).body("code", equalTo("CONCURRENT_UPDATE"));
        assertEquals(List.of("SET", "UPDATE"), Sql.column("SELECT action FROM platform_audit_log WHERE entity_type = "
                + "'province_yearly_value' AND entity_id = 'hunan/monitoring.threshold/2025' ORDER BY id"));
        assertTrue(Sql.column("SELECT before_json FROM platform_audit_log WHERE entity_id = 'hunan/monitoring.threshold/2025' "
                + "AND action = 'UPDATE'").get(0).contains("7900"));
        as("hunan-admin").get("/api/admin/provinces/hunan/yearly-values").then().statusCode(200)
                .body("find { it.year == 2025 }.value", equalTo("7950"));
    }

    @Test
    void onThePageAYearIsChangedOnItsOwnRowAndTheNewYearFormDoesNotOverwriteIt() {
        String admin = Api.login("hunan-admin", Api.DEMO_PASSWORD);
        String page = "/admin/yearly-values?province=hunan";
        cn.fpjc.app.support.BrowserForm.from(page, admin).formParam("province", "hunan").formParam("key", "monitoring.threshold")
                .formParam("year", "2029").formParam("value", "9100").formParam("source", "湘农办〔2029〕测试号")
                .post("/admin/yearly-values").then().statusCode(303);
        // The new-year form again for 2029: refused on the page in Chinese, the value kept.
        String refused = cn.fpjc.app.support.BrowserForm.from(page, admin).formParam("province", "hunan")
                .formParam("key", "monitoring.threshold").formParam("year", "2029").formParam("value", "9200")
                .formParam("source", "x").post("/admin/yearly-values").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("2029 年的「") && refused.contains("已设定为 9100"), refused);
        // Its row carries the version read; saving there changes it.
        String html = as("hunan-admin").accept("text/html").get(page).then().statusCode(200).extract().asString();
        java.util.regex.Matcher version = java.util.regex.Pattern.compile(
                "name=\"year\" value=\"2029\"><input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(version.find(), html);
        assertTrue(html.contains("<span title=\"hunan-admin\">省级管理员（hunan）</span>"), "who set it, by display name: " + html);
        cn.fpjc.app.support.BrowserForm.from(page, admin).formParam("province", "hunan").formParam("key", "monitoring.threshold")
                .formParam("year", "2029").formParam("version", version.group(1)).formParam("value", "9200")
                .formParam("source", "湘农办〔2029〕更正").post("/admin/yearly-values").then().statusCode(303);
        expect(params("huayuan.clerk", "433124", 2029), "monitoring.threshold", "9200", "PROVINCE_YEARLY");
    }

    @Test
    void yearlyValuesAreRefusedOutsideTheRules() {
        String url = "/api/admin/provinces/hunan/yearly-values/monitoring.threshold/2026";
        as("henan-admin").body(Map.of("value", "8000", "source", "x")).put(url).then().statusCode(403).body("code", equalTo("PROVINCE_SCOPE"));
        as("huayuan.admin").body(Map.of("value", "8000", "source", "x")).put(url).then().statusCode(403);
        Api.anonymous().body(Map.of("value", "8000", "source", "x")).put(url).then().statusCode(401);
        as("hunan-admin").body(Map.of("value", "八千", "source", "x")).put(url).then().statusCode(400)
                .body("code", equalTo("PARAMETER_VALUE_INVALID"));
        as("hunan-admin").body(Map.of("value", "8000", "source", " ")).put(url).then().statusCode(400)
                .body("code", equalTo("PARAMETER_VALUE_INVALID"));
        as("hunan-admin").body(Map.of("value", "5", "source", "x"))
                .put("/api/admin/provinces/hunan/yearly-values/monitoring.village-notice-days/2026").then().statusCode(400)
                .body("code", equalTo("PARAMETER_NOT_SETTABLE"));
        as("hunan-admin").body(Map.of("value", "5", "source", "x"))
                .put("/api/admin/provinces/hunan/yearly-values/no.such.key/2026").then().statusCode(404);
        expect(params("huayuan.clerk", "433124", 2026), "monitoring.threshold", null, "NOT_SET");
    }

    @Test
    void theLeafletIsWrittenFromTheCountysParametersForTheYear() {
        String minqin = as("minqin.clerk").accept("text/html").queryParam("year", 2024).get("/parameters/leaflet")
                .then().statusCode(200).extract().asString();
        assertTrue(minqin.contains("民勤县 · 2024年"), minqin);
        assertTrue(minqin.contains("低于 <strong>7800 元</strong>"), minqin);
        assertTrue(minqin.contains("<strong>5 个工作日</strong>内告知核查结果"), minqin);
        assertTrue(minqin.contains("“一键报贫”系统"), minqin);
        assertTrue(minqin.contains("《民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》（民农领发〔2024〕9号）民勤县2024年防止返贫动态监测和帮扶工作要点 二(二)3"),
                "sources are cited by the document's title and number");

        // 兰考县 2024 has no threshold yet: the leaflet says so, and leaves out steps Henan does not set.
        String lankao = as("lankao.clerk").accept("text/html").queryParam("year", 2024).get("/parameters/leaflet")
                .then().statusCode(200).extract().asString();
        assertTrue(lankao.contains("2024年的监测范围（收入标准）尚未公布"), lankao);
        assertFalse(lankao.contains("个工作日</strong>内告知核查结果"), lankao);
        assertTrue(lankao.contains("不超过 <strong>15 天</strong>"), lankao);
    }

    /** 明白纸 as a PDF (issue 18 item 11), through its page route: the county's parameters for the year and the documents cited. */
    @Test
    void theLeafletDownloadsAsPdfWithTheParametersAndTheirSources() {
        cn.fpjc.app.support.Pdfs.assumeCjkFont();
        cn.fpjc.app.support.Pdfs.Download leaflet = cn.fpjc.app.support.Pdfs.get(as("minqin.clerk").queryParam("year", 2024), "/parameters/leaflet/pdf");
        assertEquals("民勤县2024年防止返贫监测帮扶政策明白纸.pdf", leaflet.fileName());
        String text = leaflet.text().replaceAll("\\s+", "");
        assertTrue(text.contains("防止返贫监测帮扶政策明白纸") && text.contains("民勤县·2024年"), text);
        // PDFBox reads a <strong> figure apart from the words around it, so the figures are looked for on their own.
        assertTrue(text.contains("（2024年本县监测范围）") && text.contains("7800元") && text.contains("5个工作日") && text.contains("15天")
                && text.contains("“一键报贫”系统") && text.contains("12317"), "the year's parameters: " + text);
        assertTrue(text.contains("《民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》（民农领发〔2024〕9号）"),
                "sources cited by the document's title and number: " + text);
        assertTrue(text.contains("/report/620621"), "the self-report address beside its QR code: " + text);
        assertFalse(text.contains("打印") || text.contains("下载PDF") || text.contains("返回本县执行参数"), "screen-only controls in the PDF: " + text);
        assertFalse(leaflet.text().contains(".md"), "no seed file names: " + text);

        // 兰考县 2024 has no threshold yet: the PDF says so rather than printing a number.
        String lankao = cn.fpjc.app.support.Pdfs.get(as("lankao.clerk").queryParam("year", 2024), "/parameters/leaflet/pdf").text()
                .replaceAll("\\s+", "");
        assertTrue(lankao.contains("2024年的监测范围（收入标准）尚未公布") && lankao.contains("15天") && !lankao.contains("个工作日内告知核查结果"), lankao);
    }

    @Test
    void aDecisionThatNeedsAMissingThresholdIsRefusedWithAClearMessage() {
        assertEquals("7800", parameters.require("gansu", "620621", "monitoring.threshold", 2024));
        ApiException e = assertThrows(ApiException.class, () -> parameters.require("henan", "410225", "monitoring.threshold", 2024));
        assertEquals(PolicyError.PARAMETER_NOT_SET, e.code());
        assertTrue(e.humanMessage().contains("2024年的「防止返贫监测范围（家庭年人均纯收入）」尚未设定"), e.humanMessage());
    }
}
