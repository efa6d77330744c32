package cn.fpjc.app.assistance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Chromium;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The 帮扶政策 pages on a phone (390 px wide, in Debian's Chromium like {@code BrowserSmokeTest}): nothing but a table's own
 * box scrolls sideways, and a rule list opens. Screenshots land in app/target/screenshots ({@link Chromium}).
 */
@QuarkusTest
class ProgrammePagesBrowserTest {
    static final int PHONE = 390;

    /** Elements wider than the phone, except inside a box that scrolls on its own ({@link Chromium#OVERFLOWING}). */
    static final String OVERFLOWING = Chromium.OVERFLOWING;

    static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Chromium.start(PHONE, 844);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void eachProgrammePageFitsAPhoneAndATableScrollsInItsOwnBox() throws Exception {
        String county = Api.onboard("heilongjiang", "23");
        String admin = Api.createUser("t_prgb_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String village = Api.addTownshipAndVillage(admin, county, "101")[1];
        String clerk = Api.createUser("t_prgb_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        long household = ProgrammeEntitlementTest.household(clerk, county, village, "脱贫户", List.of(
                ProgrammeEntitlementTest.member("蒋父", "户主", "19720304", "非在校生", "省外", 5),
                ProgrammeEntitlementTest.member("蒋中职", "子女", "20080101", "中职", "未务工", null))).get("household");

        open("login");
        browser.findElement(By.id("username")).sendKeys(clerk);
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().endsWith("/login"));
        assertEquals(PHONE, ((Number) js("return window.innerWidth")).intValue(), "the window is a phone's width");

        for (Map.Entry<String, String> page : Map.of("programmes", "programmes?year=2025",
                "entitlements", "households/" + household + "/entitlements?year=2025",
                "unclaimed", "programmes/yulu/unclaimed?year=2025").entrySet()) {
            open(page.getValue());
            assertTrue(browser.findElement(By.tagName("h1")).getText().length() > 0);
            if (page.getKey().equals("entitlements")) {
                // The rules of the first decision open, and still scroll inside their box.
                browser.findElement(By.cssSelector(".decision details summary")).click();
                assertTrue(browser.findElement(By.cssSelector(".decision details table.rules")).isDisplayed());
            }
            assertEquals("", js(OVERFLOWING), page.getKey() + ": something in the page is wider than the phone");
            long documentWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
            assertTrue(documentWidth <= PHONE, page.getKey() + ": the page scrolls sideways (" + documentWidth + " px)");
            screenshot("programme-pages-390-" + page.getKey());
        }
    }

    @Test
    void theApplicationAndWelfareJobPagesFitAPhoneAndSelectAllTicksEveryRow() throws Exception {
        String county = Api.onboard("heilongjiang", "23");
        String admin = Api.createUser("t_prgb2_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] tv = Api.addTownshipAndVillage(admin, county, "101");
        String clerk = Api.createUser("t_prgb2_clerk_" + county, Roles.VILLAGE_CLERK, county, tv[1]);
        String reviewer = Api.createUser("t_prgb2_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, tv[0]);
        Map<String, Long> h = ProgrammeEntitlementTest.household(clerk, county, tv[1], "脱贫户", List.of(
                ProgrammeEntitlementTest.member("沈父", "户主", "19720304", "非在校生", "省外", 5),
                ProgrammeEntitlementTest.member("沈中职", "子女", "20080101", "中职", "未务工", null)));
        long application = Api.as(clerk).body(Map.of("programmeId", "yulu", "memberId", h.get("沈中职")))
                .post("/api/counties/" + county + "/programme-applications").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.as(reviewer).body(Map.of("villageCode", tv[1], "title", "保洁员", "monthlyWage", 800, "localMinWage", 2000,
                "minWageSource", "测试：省政府关于调整最低工资标准的通知")).post("/api/counties/" + county + "/welfare-jobs/positions").then()
                .statusCode(201);

        browser.manage().deleteAllCookies();
        open("login");
        browser.findElement(By.id("username")).sendKeys(reviewer);
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().endsWith("/login"));

        open("programmes/yulu/applications");
        browser.findElement(By.id("select-all")).click();
        assertTrue(browser.findElement(By.cssSelector("input[name=items][value^='" + application + ":']")).isSelected(),
                "全选 ticks every row");
        for (Map.Entry<String, String> page : Map.of("applications", "programmes/yulu/applications",
                "application", "programmes/yulu/applications/" + application,
                "notice", "programmes/yulu/notice?village=" + tv[1],
                "welfare-jobs", "welfare-jobs?householdNo=" + Api.as(reviewer).get("/api/counties/" + county + "/households/"
                        + h.get("household")).then().extract().path("householdNo"),
                "payroll", "welfare-jobs/payroll").entrySet()) {
            open(page.getValue());
            assertTrue(browser.findElement(By.tagName("h1")).getText().length() > 0, page.getKey());
            assertEquals("", js(OVERFLOWING), page.getKey() + ": something in the page is wider than the phone");
            long documentWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
            assertTrue(documentWidth <= PHONE, page.getKey() + ": the page scrolls sideways (" + documentWidth + " px)");
            screenshot("application-pages-390-" + page.getKey());
        }
    }

    /**
     * The 小额信贷 pages on a phone, as county staff (every form of a running loan shown): nothing wider than the window
     * but a table's own box, and the overdue view's ECharts chart drawn on its canvas under the Content-Security-Policy.
     */
    @Test
    void theLoanPagesFitAPhoneAndTheOverdueChartIsDrawn() throws Exception {
        String county = Api.onboard("jiangxi", "36");
        String admin = Api.createUser("t_lnb_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String village = Api.addTownshipAndVillage(admin, county, "101")[1];
        String clerk = Api.createUser("t_lnb_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        String approver = Api.createUser("t_lnb_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        String no = "LNB" + county;
        String[] borrower = LoanPagesTest.household(clerk, county, village, no, "宋贷款", "19850101");
        LoanPagesTest.today(county, "2025-01-10");
        try {
            long loan = Api.as(clerk).body(Map.of("memberId", Long.parseLong(borrower[0]), "amount", "30000", "termMonths", 12, "annualRate", "3.45",
                    "repaymentMethod", "按季付息、到期还本", "purpose", "种植脐橙")).post("/api/counties/" + county + "/loans").then().statusCode(201)
                    .extract().jsonPath().getLong("loan.id");
            MicroLoanTest.approve(county, approver, loan);
            MicroLoanTest.disburse(county, admin, loan, "LNB-" + county, "2025-01-10");
            LoanPagesTest.today(county, "2025-04-11");
            Api.as(admin).post("/api/counties/" + county + "/loan-delinquency/runs").then().statusCode(200);

            browser.manage().deleteAllCookies();
            open("login");
            browser.findElement(By.id("username")).sendKeys(admin);
            browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
            browser.findElement(By.id("login-submit")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().endsWith("/login"));
            for (Map.Entry<String, String> page : Map.of("book", "loans", "loan", "loans/" + loan, "application", "loans/new?householdNo=" + no,
                    "overdue", "loans/overdue", "ledger", "loans/ledger").entrySet()) {
                open(page.getValue());
                assertTrue(browser.findElement(By.tagName("h1")).getText().length() > 0, page.getKey());
                if (page.getKey().equals("overdue")) {
                    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "true".equals(
                            d.findElement(By.id("bucket-chart")).getAttribute("data-rendered")));
                    assertTrue(browser.findElements(By.cssSelector("#bucket-chart canvas")).size() > 0, "ECharts drew its canvas");
                    double width = ((Number) js("return document.getElementById('bucket-chart').getBoundingClientRect().width")).doubleValue();
                    assertTrue(width > PHONE - 60 && width <= PHONE, "the chart fills the phone's width: " + width);
                }
                if (page.getKey().equals("loan")) {
                    assertTrue(browser.findElement(By.id("repayment-form")).isDisplayed() && browser.findElement(By.id("renewal-form")).isDisplayed());
                }
                assertEquals("", js(OVERFLOWING), page.getKey() + ": something in the page is wider than the phone");
                long documentWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
                assertTrue(documentWidth <= PHONE, page.getKey() + ": the page scrolls sideways (" + documentWidth + " px)");
                screenshot("loan-pages-390-" + page.getKey());
            }
        } finally {
            LoanPagesTest.machineDate(county);
        }
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void open(String path) {
        browser.get(base.toString() + path);
    }

    private static void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, name);
    }
}
