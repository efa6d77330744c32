package cn.fpjc.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in Debian's Chromium ({@link Chromium}): logs in, onboards a county through the tenant page, then logs in as a
 * village clerk. Screenshots land in app/target/screenshots.
 */
@QuarkusTest
class BrowserSmokeTest {
    static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Chromium.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void adminLogsInAndOnboardsACountyThenAClerkSeesTheirVillage() throws Exception {
        open("login");
        login("admin", "wrong-password");
        assertTrue(browser.findElement(By.cssSelector("p.error")).getText().contains("用户名或密码错误"));

        login("admin", Api.DEMO_PASSWORD);
        assertEquals("平台管理员", browser.findElement(By.id("roles")).getText());
        screenshot("home-admin");

        browser.findElement(By.linkText("县（区）租户")).click();
        String code = Api.freshCountyCode("62");
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("name")).sendKeys("浏览器县");
        new Select(browser.findElement(By.id("province"))).selectByValue("gansu");
        browser.findElement(By.id("onboard-submit")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("p.flash")).size() > 0);
        assertTrue(browser.findElement(By.cssSelector("p.flash")).getText().contains("已开通：浏览器县（" + code + "）"));
        var row = browser.findElement(By.cssSelector("tr[data-code='" + code + "']"));
        assertTrue(row.getText().contains("甘肃省"), row.getText());
        assertEquals("正常", row.findElement(By.cssSelector(".badge")).getText());
        screenshot("tenants-after-onboard");

        // A malformed code is refused on the page with the Chinese message, not a stack trace.
        browser.findElement(By.id("code")).sendKeys("62");
        browser.findElement(By.id("name")).sendKeys("坏代码");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('code').removeAttribute('pattern')");
        browser.findElement(By.id("onboard-submit")).click();
        assertTrue(browser.findElement(By.cssSelector(".field-error[data-field=code]")).getText().contains("6位数字"));

        browser.findElement(By.cssSelector("form.logout button")).click();
        login("minqin.clerk", Api.DEMO_PASSWORD);
        assertEquals("民勤县（620621）", browser.findElement(By.id("tenant")).getText());
        assertEquals("三陶村（620621100201）", browser.findElement(By.id("org")).getText());
        // 农户信息: the clerk's village only (demo data), open a household, see its members masked and its incomes chart.
        browser.findElement(By.linkText("农户信息")).click();
        String count = browser.findElement(By.id("household-count")).getText();
        assertTrue(count.matches("共 \\d+ 户") && !count.equals("共 0 户"), count);
        for (WebElement cell : browser.findElements(By.cssSelector("#households tbody tr td:nth-child(2)"))) {
            assertEquals("三陶村", cell.getText(), "a clerk sees only the own village");
        }
        screenshot("clerk-households");
        browser.findElement(By.cssSelector("#households tbody tr a")).click();
        String members = browser.findElement(By.id("members")).getText();
        assertTrue(members.contains("户主") && members.contains("********"), members);
        assertTrue(browser.findElements(By.id("income-chart")).size() == 1, "income chart");
        screenshot("clerk-household-detail");
        browser.findElement(By.linkText("乡镇与村")).click();
        String units = browser.findElement(By.id("org-units")).getText();
        assertTrue(units.contains("三陶村") && !units.contains("上新村"), units);
        screenshot("clerk-org-units");

        browser.findElement(By.linkText("本县执行参数")).click();
        new Select(browser.findElement(By.id("year"))).selectByValue("2024");
        var threshold = browser.findElement(By.cssSelector("tr[data-key='monitoring.threshold']"));
        assertTrue(threshold.getText().contains("7800") && threshold.getText().contains("本县规定"), threshold.getText());
        screenshot("clerk-parameters-2024");
        var identification = browser.findElement(By.cssSelector("section[data-procedure='identification']"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", identification);
        assertTrue(identification.getText().contains("一键报贫") && identification.getText().contains("5 工作日"), identification.getText());
        screenshot("clerk-procedures-2024");
        browser.findElement(By.id("leaflet-link")).click();
        assertTrue(browser.findElement(By.id("threshold")).getText().contains("7800 元"));
        screenshot("clerk-leaflet-2024");

        // The clerk has no tenant registry: the page answers 403, and no menu entry leads there.
        assertTrue(browser.findElements(By.linkText("县（区）租户")).isEmpty());
    }

    /** A clerk checks a file first, reads which row is wrong and why, then writes the valid household only. */
    @Test
    void clerkImportsAFileChecksTheErrorsAndWritesTheValidHouseholds() throws Exception {
        login("minqin.clerk", Api.DEMO_PASSWORD);
        browser.findElement(By.linkText("农户信息")).click();
        browser.findElement(By.id("import-link")).click();
        assertTrue(browser.findElement(By.id("template-link")).getAttribute("href").endsWith("/household-imports/template.xlsx"));
        String good = id("110105198003070", 1);
        String spouse = id("110105198205110", 2);
        String bad = id("110105197001010", 3);
        bad = bad.substring(0, 17) + (bad.charAt(17) == '0' ? '1' : '0');
        String header = String.join(",", java.util.Arrays.stream(cn.fpjc.core.registry.importing.ImportColumn.values())
                .map(cn.fpjc.core.registry.importing.ImportColumn::templateHeader).toList());
        String csv = header + "\n"
                + "BR-IMP-1,三陶村,二组5号,一般农户,,,马建国," + good + ",户主,普通劳动力,健康,,,,,县内,8,是,是,2024,26000,1500,0,800,0,,\n"
                + "BR-IMP-1,,,,,,马秀兰," + spouse + ",配偶,普通劳动力,健康,,,,,,,是,是,,,,,,,,\n"
                + "BR-IMP-2,三陶村,二组6号,一般农户,,,马福," + bad + ",户主,普通劳动力,健康,,,,,,,是,是,,,,,,,,\n";
        Path file = Files.createTempDirectory("fpjc-import").resolve("三陶村农户.csv");
        Files.writeString(file, csv);
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("input[name=mode][value=VALIDATE_ONLY]")).click();
        browser.findElement(By.id("upload")).click();

        await(Duration.ofSeconds(30), d -> "VALIDATED".equals(
                d.findElement(By.id("job-status")).getAttribute("data-status")));
        String problems = browser.findElement(By.id("problem-rows")).getText();
        assertTrue(problems.contains("4") && problems.contains("校验码不正确"), problems);
        assertTrue(browser.findElement(By.id("report-problems")).getAttribute("href").contains("report.xlsx?problems=true"));
        assertTrue(browser.findElement(By.id("commit-all")).getAttribute("disabled") != null, "all-or-nothing is not offered with an error row");
        screenshot("clerk-import-checked");
        browser.findElement(By.id("commit-valid")).click();
        await(Duration.ofSeconds(30), d -> "DONE".equals(
                d.findElement(By.id("job-status")).getAttribute("data-status")));
        assertEquals("1", browser.findElement(By.id("written-households")).getText());
        screenshot("clerk-import-done");
        browser.findElement(By.linkText("农户信息")).click();
        browser.findElement(By.id("q")).sendKeys("BR-IMP");
        browser.findElement(By.cssSelector("#household-search button")).click();
        // The count is on the page before and after the search: wait for the new page's.
        await(d -> "共 1 户".equals(d.findElement(By.id("household-count")).getText()));

        // 疑点筛查: check the county now; the page refreshes itself until the run is done, then lists the village's findings.
        browser.findElement(By.linkText("疑点筛查")).click();
        browser.findElement(By.id("run-checks")).click();
        await(Duration.ofSeconds(60), d -> {
            String status = d.findElement(By.id("dq-status")).getText();
            return status.contains("最近一次检查") && !status.contains("检查中");
        });
        assertEquals(cn.fpjc.core.registry.quality.DataQualityRule.values().length, browser.findElements(By.cssSelector("#dq-rules tbody tr")).size());
        for (WebElement cell : browser.findElements(By.cssSelector("#dq-findings tbody tr td:first-child"))) {
            assertEquals("三陶村", cell.getText(), "a clerk sees only the own village's findings");
        }
        screenshot("clerk-data-quality");
    }

    private static String id(String first15, int sequenceDigit) {
        String first17 = first15 + "0" + sequenceDigit;
        return first17 + cn.fpjc.core.registry.IdNumber.checkChar(first17);
    }

    /** A clerk enters a new household by hand: a wrong ID number is refused beside its input, the rest stays typed. */
    @Test
    void clerkCreatesAHouseholdByFormCorrectsTheRefusalAndRecordsItsIncome() throws Exception {
        login("minqin.clerk", Api.DEMO_PASSWORD);
        browser.findElement(By.linkText("农户信息")).click();
        browser.findElement(By.id("new-household")).click();
        browser.findElement(By.id("householdNo")).sendKeys("BR-FORM-1");
        new Select(browser.findElement(By.id("villageCode"))).selectByValue("620621100201");
        browser.findElement(By.id("address")).sendKeys("三组8号");
        browser.findElement(By.id("head.name")).sendKeys("马玉兰");
        String good = id("620621197506120", 4);
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        browser.findElement(By.id("head.idNumber")).sendKeys(bad);
        new Select(browser.findElement(By.id("head.labour"))).selectByVisibleText("普通劳动力");
        new Select(browser.findElement(By.id("head.health"))).selectByVisibleText("健康");
        browser.findElement(By.id("save")).click();
        await(d -> !d.findElements(By.cssSelector(".field-error[data-field='idNumber']")).isEmpty());
        WebElement refusal = browser.findElement(By.cssSelector(".field-error[data-field='idNumber']"));
        assertTrue(refusal.getText().contains("校验"), refusal.getText());
        assertEquals("三组8号", browser.findElement(By.id("address")).getAttribute("value"), "typed values survive a refusal");
        screenshot("household-form-refused");
        browser.findElement(By.id("head.idNumber")).clear();
        browser.findElement(By.id("head.idNumber")).sendKeys(good);
        browser.findElement(By.id("save")).click();
        // The household page (not the form, whose heading is 新增农户) once the redirect has landed.
        await(d -> d.findElement(By.tagName("h1")).getText().contains("BR-FORM-1"));
        assertTrue(browser.findElement(By.id("members")).getText().contains("马玉兰"));
        assertFalse(browser.getPageSource().contains(good), "the household page shows the masked number");

        browser.findElement(By.id("record-income")).click();
        WebElement year = browser.findElement(By.id("year"));
        year.clear();
        year.sendKeys("2024");
        browser.findElement(By.id("wage")).sendKeys("6000");
        browser.findElement(By.id("transfer")).sendKeys("900");
        browser.findElement(By.id("save")).click();
        await(d -> !d.findElements(By.id("incomes")).isEmpty());
        String incomes = browser.findElement(By.id("incomes")).getText();
        assertTrue(incomes.contains("6900.00"), incomes);
        assertTrue(incomes.contains("低于监测范围"), "7800 元 is Gansu's 2024 threshold: " + incomes);
        screenshot("household-form-income");
    }

    /**
     * A clue goes to approval: the clerk confirms it at home and opens the identification case, completes the village's
     * steps with their evidence (dates set in the past, since the notice must stay up five days), the township decides it
     * from its inbox in a batch, and the county approves it on the case page.
     */
    @Test
    void aClueGoesFromTheClerkThroughTheTownshipToTheCountysApproval() throws Exception {
        String person = id("410225196805170", 5);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Api.as("lankao.clerk").body(java.util.Map.of("householdNo", "BR-CASE-1", "villageCode", "410225100201", "category", "一般农户",
                "members", java.util.List.of(java.util.Map.of("name", "韩秀珍", "idNumber", person, "relation", "户主", "labour", "普通劳动力",
                        "health", "大病", "illness", "尿毒症")))).post("/api/counties/410225/households").then().statusCode(201);
        long clue = Api.as("lankao.clerk").body(java.util.Map.of("channel", "农户自主申报", "sourceDetail", "电话", "villageCode", "410225100201",
                "name", "韩秀珍", "idNumber", person, "description", "透析费用高，家庭收入骤减", "riskCategories", java.util.List.of("因病"),
                "reportedOn", today.minusDays(30).toString())).post("/api/counties/410225/clues").then().statusCode(201).extract().jsonPath()
                .getLong("id");

        login("lankao.clerk", Api.DEMO_PASSWORD);
        browser.findElement(By.linkText("风险线索")).click();
        browser.findElement(By.linkText("韩秀珍")).click();
        new Select(browser.findElement(By.id("result"))).selectByVisibleText("核实有风险，待启动识别程序");
        browser.findElement(By.id("note")).sendKeys("入户核实：每周透析三次，自付部分高");
        browser.findElement(By.id("verify")).click();
        await(d -> !d.findElements(By.id("open-case-form")).isEmpty());
        new Select(browser.findElement(By.id("monitoringType"))).selectByVisibleText("突发严重困难户");
        browser.findElement(By.id("open-case")).click();
        await(d -> !d.findElements(By.id("steps")).isEmpty());
        assertTrue(browser.findElement(By.id("missing")).getText().contains("入户核实记录"));
        int[] daysAgo = { 29, 28, 27, 20 };
        for (int i = 0; i < daysAgo.length; i++) {
            String stepLabel = browser.findElement(By.cssSelector("#complete-form h2")).getText();
            if (!browser.findElements(By.id("notice-period-form")).isEmpty()) {
                // 开始公示: the 公示 went up the day of the 评议, for the five days the rule asks; the printed notice shows these dates.
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('noticeFrom').value = arguments[0];"
                        + "document.getElementById('noticeTo').value = arguments[1]", today.minusDays(27).toString(), today.minusDays(23).toString());
                browser.findElement(By.id("set-notice-period")).click();
                await(d -> !d.findElements(By.id("notice-period-set")).isEmpty());
            }
            for (WebElement input : browser.findElements(By.cssSelector("#complete-form input[name^='evidence.']"))) {
                input.sendKeys("已留存");
            }
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('completedOn').value = arguments[0]",
                    today.minusDays(daysAgo[i]).toString());
            browser.findElement(By.id("complete")).click();
            await(d -> !d.findElement(By.tagName("body")).getText().contains(stepLabel) || d.findElements(By.id("complete-form")).isEmpty()
                    || !d.findElement(By.cssSelector("#complete-form h2")).getText().equals(stepLabel));
        }
        assertTrue(browser.findElement(By.id("missing")).getText().contains("乡镇"), browser.findElement(By.id("missing")).getText());
        assertTrue(browser.findElements(By.id("complete-form")).isEmpty(), "the township's step is not the clerk's");
        screenshot("case-at-township");

        login("lankao.reviewer", Api.DEMO_PASSWORD);
        browser.findElement(By.linkText("待办")).click();
        WebElement row = browser.findElement(By.xpath("//tr[td/a[text()='BR-CASE-1']]"));
        row.findElement(By.name("caseIds")).click();
        WebElement form = row.findElement(By.xpath("ancestor::form"));
        form.findElement(By.name("evidence.乡镇审核意见")).sendKeys("经审核，同意上报县级审定");
        form.findElement(By.cssSelector("button.batch-complete")).click();
        await(d -> !d.findElements(By.id("batch-results")).isEmpty());
        assertTrue(browser.findElement(By.id("batch-results")).getText().contains("已办结本步"));

        login("lankao.approver", Api.DEMO_PASSWORD);
        browser.findElement(By.linkText("待办")).click();
        browser.findElement(By.linkText("BR-CASE-1")).click();
        for (WebElement input : browser.findElements(By.cssSelector("#complete-form input[name^='evidence.']"))) {
            input.sendKeys("县防返贫领导小组审定，公告已张贴");
        }
        browser.findElement(By.id("complete")).click();
        await(d -> d.findElement(By.tagName("body")).getText().contains("县级审定 " + today));
        assertTrue(browser.findElement(By.id("steps")).getText().contains("信息采集与系统录入"));
        screenshot("case-approved");
        assertTrue(clue > 0);
    }

    /**
     * After approval: the clerk drafts the 一户一策 plan — a public-welfare job for the mother, who has no labour capacity, is
     * refused beside its row — saves a fitting one, records a visit with a photo from the file picker, and assesses
     * elimination, whose page says which conditions are not met.
     */
    @Test
    void clerkDraftsThePlanRecordsAVisitWithAPhotoAndAssessesElimination() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var h = Api.as("lankao.clerk").body(java.util.Map.of("householdNo", "BR-PLAN-1", "villageCode", "410225100201", "category", "一般农户",
                "members", java.util.List.of(java.util.Map.of("name", "郑国强", "idNumber", id("410225197506080", 3), "relation", "户主",
                        "labour", "普通劳动力", "health", "健康"), java.util.Map.of("name", "郑母", "idNumber", id("410225194702110", 2),
                        "relation", "父母", "labour", "无劳动力", "health", "大病", "illness", "脑梗")))).post("/api/counties/410225/households")
                .then().statusCode(201).extract().jsonPath();
        long caseId = Api.as("lankao.clerk").body(java.util.Map.of("householdId", h.getLong("id"), "monitoringType", "突发严重困难户",
                "riskCategories", java.util.List.of("因病"), "startedOn", today.minusDays(30).toString())).post("/api/counties/410225/cases")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String[][] steps = { {"lankao.clerk", "verify", "29"}, {"lankao.clerk", "authorize", "28"}, {"lankao.clerk", "review", "27"},
                {"lankao.clerk", "notice", "20"}, {"lankao.reviewer", "township", "19"}, {"lankao.approver", "county", "18"}, {"lankao.clerk", "entry", "17"} };
        for (String[] s : steps) {
            cn.fpjc.app.support.Cases.complete("410225", "lankao.clerk", s[0], caseId, s[1], today.minusDays(Long.parseLong(s[2])).toString());
        }

        login("lankao.clerk", Api.DEMO_PASSWORD);
        open("cases/" + caseId);
        browser.findElement(By.id("plan-link")).click();
        await(d -> !d.findElements(By.id("plan-form")).isEmpty());
        assertTrue(browser.findElement(By.id("plan-due")).getText().contains("已逾期"), browser.findElement(By.id("plan-due")).getText());
        browser.findElement(By.id("responsibleOfficial")).sendKeys("孙帮扶");
        browser.findElement(By.id("labourWilling")).click();
        new Select(browser.findElement(By.id("m0-type"))).selectByVisibleText("发展类·乡村公益性岗位");
        new Select(browser.findElement(By.id("m0-member"))).selectByVisibleText("郑母（无劳动力）");
        browser.findElement(By.cssSelector("tr[data-row='0'] input[value='因病']")).click();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('m0-start').value = arguments[0]",
                today.minusDays(10).toString());
        browser.findElement(By.id("save-plan")).click();
        await(d -> !d.findElements(By.cssSelector("tr[data-row='0'] [data-field='memberId']")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector("tr[data-row='0'] [data-field='memberId']")).getText().contains("无劳动力"));
        assertEquals("孙帮扶", browser.findElement(By.id("responsibleOfficial")).getAttribute("value"), "what was typed stays");
        screenshot("plan-refused");
        new Select(browser.findElement(By.id("m0-type"))).selectByVisibleText("发展类·务工就业帮扶");
        new Select(browser.findElement(By.id("m0-member"))).selectByVisibleText("郑国强（普通劳动力）");
        browser.findElement(By.id("save-plan")).click();
        await(d -> d.findElement(By.id("plan-due")).getText().contains("已制定"));
        screenshot("plan-saved");

        browser.findElement(By.linkText("走访记录")).click();
        await(d -> !d.findElements(By.id("visit-form")).isEmpty());
        Path photo = Files.createTempFile("visit", ".png");
        Files.write(photo, java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        browser.findElement(By.id("findings")).sendKeys("郑国强已在县城务工，母亲康复训练中");
        browser.findElement(By.id("attachment")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("save-visit")).click();
        await(d -> d.findElement(By.id("visits")).getText().contains("郑国强已在县城务工"));
        assertTrue(browser.findElement(By.id("visits")).getText().contains(photo.getFileName().toString()));
        screenshot("visit-recorded");

        open("cases/" + caseId + "/elimination");
        browser.findElement(By.id("assess")).click();
        await(d -> !d.findElements(By.id("conditions")).isEmpty());
        assertTrue(browser.findElement(By.id("assessment-title")).getText().contains("不符合条件"));
        assertTrue(browser.findElement(By.cssSelector("#conditions tr[data-code='INCOME']")).getText().contains("没有收入记录"));
        screenshot("elimination-assessment");
    }

    /** Waits for a page that a click navigates to: elements of the page before may still be there, or go stale. */
    private static void await(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        await(Duration.ofSeconds(20), condition);
    }

    private static void await(Duration timeout, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        // While a page replaces itself Chromium may answer for a node of the old document ("does not belong to the
        // document"), not only with a stale element: every such answer means "look again".
        new WebDriverWait(browser, timeout).ignoring(org.openqa.selenium.WebDriverException.class).until(condition::apply);
    }

    private void open(String path) {
        browser.get(base.toString() + path);
    }

    private void login(String username, String password) {
        open("login");
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        // Wait for the answer (home page, or the login page again with its error) so the next page opens signed in as this user.
        await(d -> !d.getCurrentUrl().endsWith("/login") || !d.findElements(By.cssSelector("p.error")).isEmpty());
    }

    private static void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, name);
    }
}
