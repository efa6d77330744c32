package cn.fpjc.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Cases;
import cn.fpjc.app.support.Chromium;
import cn.fpjc.core.platform.clock.AppClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Phones first (issue 18): every main page, as the role that works on it in 兰考县 (demo data plus a clue, an approved case
 * with its plan and visit, a case waiting for the township, a payment batch and a loan made here), at 390 × 844 and at 1400 × 900, is no wider than the
 * window: nothing sticks out past the right edge but inside a box that scrolls sideways on its own (a table on a phone).
 * The menu folds behind 菜单 on a phone, and no menu entry breaks over lines. Screenshots: target/screenshots/layout-*.png.
 */
@QuarkusTest
class PhoneLayoutBrowserTest {
    static final String COUNTY = "410225";
    static final String VILLAGE = "410225100201";
    static final int[][] WINDOWS = { {390, 844}, {1400, 900} };

    /** The lines each menu entry's text takes (a Range has one rectangle per line box). */
    static final String MENU_LINES = """
            return Array.from(document.querySelectorAll('#site-nav a')).filter(a => a.offsetParent !== null).map(a => {
              const r = document.createRange(); r.selectNodeContents(a); return a.textContent + ':' + r.getClientRects().length; });
            """;

    static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    AppClock clock;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Chromium.start(390, 844);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyMainPageFitsAPhoneAndAWideScreenAsTheRoleThatUsesIt() throws Exception {
        LocalDate today = clock.today();
        String tag = String.format("%06d", System.nanoTime() % 1_000_000);
        // A household that goes through identification, with its plan and a visit.
        JsonPath h = Api.as("lankao.clerk").body(Map.of("householdNo", "PH-CASE-" + tag, "villageCode", VILLAGE, "category", "一般农户",
                "address", "三组十二号（村委会东侧第二排）", "members", List.of(member("欧阳秀英", Ids.of("19700315", false), "户主", "大病"),
                        member("欧阳建国", Ids.of("19950620", true), "子女", "健康")))).post(api("/households")).then().statusCode(201)
                .extract().jsonPath();
        long household = h.getLong("id");
        long caseId = Api.as("lankao.clerk").body(Map.of("householdId", household, "monitoringType", "突发严重困难户",
                "riskCategories", List.of("因病"), "startedOn", today.minusDays(30).toString())).post(api("/cases")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String[][] steps = { {"lankao.clerk", "verify", "29"}, {"lankao.clerk", "authorize", "28"}, {"lankao.clerk", "review", "27"},
                {"lankao.clerk", "notice", "20"}, {"lankao.reviewer", "township", "19"}, {"lankao.approver", "county", "18"}, {"lankao.clerk", "entry", "17"} };
        for (String[] s : steps) {
            Cases.complete(COUNTY, "lankao.clerk", s[0], caseId, s[1], today.minusDays(Long.parseLong(s[2])).toString());
        }
        // A second case waits for the township's review, so the reviewer's 待办 has its batch form.
        long waiting = Api.as("lankao.clerk").body(Map.of("householdNo", "PH-WAIT-" + tag, "villageCode", VILLAGE, "category", "一般农户",
                "members", List.of(member("上官玉珍", Ids.of("19580909", false), "户主", "大病")))).post(api("/households")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long waitingCase = Api.as("lankao.clerk").body(Map.of("householdId", waiting, "monitoringType", "边缘易致贫户",
                "riskCategories", List.of("因病"), "startedOn", today.minusDays(30).toString())).post(api("/cases")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        for (String[] s : steps) {
            if (s[0].equals("lankao.reviewer")) {
                break;
            }
            Cases.complete(COUNTY, "lankao.clerk", s[0], waitingCase, s[1], today.minusDays(Long.parseLong(s[2])).toString());
        }
        String plan = api("/cases/" + caseId + "/plan");
        Api.as("lankao.clerk").body(Api.versioned("lankao.clerk", plan, Map.of("responsibleOfficial", "李帮扶", "responsiblePhone", "0371-23456789",
                "labourWilling", true, "measures", List.of(Map.of("type", "务工就业帮扶", "memberId", h.getLong("members[1].id"), "risks", List.of("因病"),
                        "startOn", today.minusDays(10).toString()))))).put(plan).then().statusCode(200);
        Api.as("lankao.clerk").body(Map.of("kind", "帮扶责任人走访", "visitor", "李帮扶", "visitedOn", today.minusDays(2).toString(),
                "findings", "欧阳建国已在县城务工，每月收入约三千元；欧阳秀英术后恢复良好，按时复查")).post(api("/cases/" + caseId + "/visits")).then()
                .statusCode(201);
        // A clue with a long description, and a 脱贫户 with its 一卡通, a payment batch and a loan application.
        long clue = Api.as("lankao.clerk").body(Map.of("channel", "农户自主申报", "sourceDetail", "电话", "villageCode", VILLAGE, "name", "司马光明",
                "idNumber", Ids.of("19680517", true), "description", "家中主要劳动力外出务工时受伤住院，医疗费用自付部分较高，家庭收入骤减，孩子上学费用也有困难",
                "riskCategories", List.of("因病", "因意外事故"), "reportedOn", today.minusDays(3).toString())).post(api("/clues")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        JsonPath poor = Api.as("lankao.clerk").body(Map.of("householdNo", "PH-PAY-" + tag, "villageCode", VILLAGE, "category", "脱贫户",
                "members", List.of(member("诸葛红梅", Ids.of("19850101", false), "户主", "健康")))).post(api("/households")).then().statusCode(201)
                .extract().jsonPath();
        long poorMember = poor.getLong("members[0].id");
        Api.as("lankao.admin").body(Map.of("holderMemberId", poorMember, "bankName", "兰考县农村信用合作联社", "accountNo", "6217001299" + tag + "123"))
                .put(api("/household-accounts/" + poor.getLong("id"))).then().statusCode(201);
        long batch = Api.as("lankao.admin").body(Map.of("programmeId", "test-programme", "period", String.valueOf(today.getYear()), "lines",
                List.of(Map.of("memberId", poorMember, "amount", "1200.00", "note", "春季补贴")))).post(api("/payment-batches")).then()
                .statusCode(201).extract().jsonPath().getLong("batch.id");
        long loan = Api.as("lankao.clerk").body(Map.of("memberId", poorMember, "amount", "30000", "termMonths", 12, "annualRate", "3.45",
                "repaymentMethod", "按季付息、到期还本", "purpose", "养殖肉牛十头，建设牛棚一座")).post(api("/loans")).then().statusCode(201)
                .extract().jsonPath().getLong("loan.id");

        long fundYear = today.getYear();
        long allocation = cn.fpjc.app.funds.SpendingSeed.allocation(COUNTY, (int) fundYear, "CENTRAL", "800000.00", today.minusDays(20).toString());
        long fundProject = cn.fpjc.app.funds.SpendingSeed.project(COUNTY, (int) fundYear, "APPROVED", VILLAGE.substring(0, 9) + "000", today.minusDays(10).toString());
        long fundLine = cn.fpjc.app.funds.SpendingSeed.funding(COUNTY, fundProject, "CENTRAL", "500000.00", allocation);
        Api.as("lankao.finance").body(Map.of("fundingId", fundLine, "amount", "120000.00", "paidOn", today.minusDays(5).toString(), "voucherNo",
                "记-PH-" + tag, "payee", "兰考县某某农业专业合作社（联合社）")).post(api("/funds/projects/" + fundProject + "/payments")).then().statusCode(201);

        Map<String, Map<String, String>> pages = new LinkedHashMap<>();
        pages.put("lankao.clerk", pages("home", "", "households", "households", "household", "households/" + household,
                "household-form", "households/new", "entitlements", "households/" + household + "/entitlements",
                "clues", "clues", "clue", "clues/" + clue, "cases", "cases", "case", "cases/" + caseId, "plan", "cases/" + caseId + "/plan",
                "visits", "cases/" + caseId + "/visits", "elimination", "cases/" + caseId + "/elimination", "followup", "followup",
                "programmes", "programmes", "loans", "loans", "loan", "loans/" + loan, "org-units", "org-units",
                "parameters", "parameters", "data-quality", "data-quality", "funds-projects", "funds/projects", "funds-declare", "funds/projects/new"));
        pages.put("lankao.reviewer", pages("inbox", "inbox", "waiting-case", "cases/" + waitingCase, "welfare-jobs", "welfare-jobs", "overdue-cases", "cases/overdue"));
        pages.put("lankao.admin", pages("county-admin-home", "", "county-users", "admin/users",
                "password-reset", "admin/users/lankao.clerk/password", "payment-batches", "payment-batches",
                "payment-batch", "payment-batches/" + batch, "loans-overdue", "loans/overdue", "funds-progress", "funds/progress",
                "funds-payments", "funds/projects/" + fundProject + "/payments", "funds-allocations", "funds/allocations", "assets", "funds/assets"));
        pages.put("admin", pages("tenants", "admin/tenants", "yearly-values", "admin/yearly-values", "users", "admin/users",
                "operations", "admin/operations"));
        pages.put("", pages("login", "login", "self-report", "report/" + COUNTY));

        List<String> failures = new ArrayList<>();
        for (int[] window : WINDOWS) {
            browser.manage().window().setSize(new Dimension(window[0], window[1]));
            assertEquals(window[0], ((Number) js("return window.innerWidth")).intValue(), "the window is " + window[0] + " px wide");
            for (Map.Entry<String, Map<String, String>> role : pages.entrySet()) {
                if (role.getKey().isEmpty()) {
                    browser.manage().deleteAllCookies();
                } else {
                    login(role.getKey());
                }
                Map<String, String> visit = new LinkedHashMap<>(role.getValue());
                if (role.getKey().equals("lankao.reviewer")) {
                    // The 帮扶政策 pages of the county's first programme: 应享未享 and the 申请办理 queue.
                    open("programmes");
                    String programme = browser.findElement(By.cssSelector("main a[href$='/applications'], main a[href*='/applications?']"))
                            .getAttribute("href").replaceAll("^.*/programmes/([^/]+)/applications.*$", "$1");
                    visit.put("unclaimed", "programmes/" + programme + "/unclaimed");
                    visit.put("applications", "programmes/" + programme + "/applications");
                }
                for (Map.Entry<String, String> page : visit.entrySet()) {
                    open(page.getValue());
                    String where = window[0] + " px, " + page.getKey() + " (/" + page.getValue() + ")";
                    String heading = browser.findElement(By.tagName("h1")).getText();
                    if (heading.isBlank() || browser.getCurrentUrl().endsWith("/login") && !page.getKey().equals("login")) {
                        failures.add(where + ": not the page (" + browser.getCurrentUrl() + ")");
                    }
                    String sticking = (String) js(Chromium.OVERFLOWING);
                    long width = ((Number) js("return document.documentElement.scrollWidth")).longValue();
                    if (width > window[0] || !sticking.isEmpty()) {
                        failures.add(where + ": " + width + " px wide; " + sticking);
                    }
                    Chromium.screenshot(browser, "layout-" + window[0] + "-" + page.getKey());
                }
            }
        }
        assertEquals(List.of(), failures, "pages wider than the window");
    }

    @Test
    void theMenuFoldsBehindItsButtonOnAPhoneAndNoEntryBreaksOverLines() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        login("lankao.admin");
        WebElement button = browser.findElement(By.cssSelector("header .menu-button"));
        WebElement nav = browser.findElement(By.id("site-nav"));
        assertTrue(button.isDisplayed() && !nav.isDisplayed(), "the menu is folded");
        assertFalse(browser.findElement(By.cssSelector("form.logout")).isDisplayed(), "退出 is in the folded menu");
        assertEquals("false", button.getAttribute("aria-expanded"));
        button.click();
        assertTrue(nav.isDisplayed() && browser.findElement(By.cssSelector("form.logout")).isDisplayed(), "菜单 opens the menu");
        assertEquals("true", button.getAttribute("aria-expanded"));
        assertOneLineEach();
        Chromium.screenshot(browser, "layout-390-menu-open");
        browser.findElement(By.linkText("农户信息")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/households"));
        assertFalse(browser.findElement(By.id("site-nav")).isDisplayed(), "a new page starts with the menu folded");

        browser.manage().window().setSize(new Dimension(1400, 900));
        assertTrue(browser.findElement(By.id("site-nav")).isDisplayed() && !browser.findElement(By.cssSelector("header .menu-button")).isDisplayed(),
                "on a wide screen the menu is always open");
        assertOneLineEach();
        // The platform admin's menu (the county menu and the admin entries) still fits at 1400 px.
        login("admin");
        assertOneLineEach();
    }

    @Test
    void theSelfReportFormFitsAPhoneBringsUpTheKeypadsAndKeepsWhatWasTypedAfterARefusal() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.manage().deleteAllCookies();
        open("report/" + COUNTY);
        assertEquals("tel", browser.findElement(By.id("phone")).getAttribute("inputmode"));
        assertEquals("tel", browser.findElement(By.id("phone")).getAttribute("type"));
        assertEquals("characters", browser.findElement(By.id("idNumber")).getAttribute("autocapitalize"), "an ID number may end in X");
        // 兰考县's demo townships, each with its villages.
        List<WebElement> townships = browser.findElements(By.cssSelector("#villageCode optgroup"));
        assertTrue(townships.size() >= 2, "villages grouped by township");
        for (WebElement t : townships) {
            assertTrue(!t.getAttribute("label").isBlank() && !t.findElements(By.tagName("option")).isEmpty(), t.getAttribute("outerHTML"));
        }
        double form = ((Number) js("return document.getElementById('self-report-form').getBoundingClientRect().right")).doubleValue();
        double text = ((Number) js("return document.getElementById('description').getBoundingClientRect().right")).doubleValue();
        assertTrue(text <= form, "the textarea fits inside the form: " + text + " > " + form);

        String badId = Ids.of("19900101", false);
        badId = badId.substring(0, 17) + (badId.charAt(17) == '0' ? '1' : '0');
        browser.findElement(By.id("name")).sendKeys("刘桂兰");
        browser.findElement(By.id("idNumber")).sendKeys(badId);
        browser.findElement(By.id("phone")).sendKeys("13800000000");
        Select village = new Select(browser.findElement(By.id("villageCode")));
        village.selectByIndex(2);
        String chosen = village.getFirstSelectedOption().getAttribute("value");
        browser.findElement(By.id("description")).sendKeys("丈夫车祸住院，家里没有收入");
        browser.findElement(By.id("submit-report")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> !d.findElements(By.cssSelector(".field-error[data-field='idNumber']")).isEmpty());
        assertEquals("刘桂兰", browser.findElement(By.id("name")).getAttribute("value"));
        assertEquals(badId, browser.findElement(By.id("idNumber")).getAttribute("value"), "the ID number is kept to correct it");
        assertEquals("13800000000", browser.findElement(By.id("phone")).getAttribute("value"));
        assertEquals(chosen, new Select(browser.findElement(By.id("villageCode"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("丈夫车祸住院，家里没有收入", browser.findElement(By.id("description")).getAttribute("value"));
        assertEquals("", js(Chromium.OVERFLOWING), "the refused form fits the phone");
        Chromium.screenshot(browser, "layout-390-self-report-refused");
    }

    private static void assertOneLineEach() {
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) js(MENU_LINES);
        assertFalse(lines.isEmpty(), "menu entries shown");
        assertTrue(lines.stream().allMatch(l -> l.endsWith(":1")), "every menu entry on one line: " + lines);
    }

    private static Map<String, Object> member(String name, String idNumber, String relation, String health) {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("name", name, "idNumber", idNumber, "relation", relation, "labour",
                "普通劳动力", "health", health));
        if (health.equals("大病")) {
            m.put("illness", "乳腺癌");
        }
        return m;
    }

    /** Pairs of screenshot name and path, in order. */
    private static Map<String, String> pages(String... nameAndPath) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndPath.length; i += 2) {
            m.put(nameAndPath[i], nameAndPath[i + 1]);
        }
        return m;
    }

    private static String api(String path) {
        return "/api/counties/" + COUNTY + path;
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void open(String path) {
        browser.get(base.toString() + path);
    }

    private void login(String username) {
        browser.manage().deleteAllCookies();
        open("login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(username.startsWith("t_") ? Api.PASSWORD : Api.DEMO_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }
}
