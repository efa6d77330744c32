package cn.fpjc.app.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The home, a household's monitoring, the clue form from a household and the case list, in Debian's Chromium at 390 px
 * (a phone: nothing but a table's own box scrolls sideways) and 1400 px, on {@link WorkPagesTest}'s data; the home's two
 * ECharts pies are drawn under the Content-Security-Policy. Screenshots land in app/target/screenshots. Without
 * /usr/bin/chromium the test is skipped locally and fails on CI.
 */
@QuarkusTest
class WorkPagesBrowserTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /**
     * Elements under the selector given as the script's argument sticking out past the window's right edge, except inside
     * a box that scrolls on its own ({@code .scroll}).
     */
    static final String OVERFLOWING = """
            const width = document.documentElement.clientWidth;
            const out = [];
            document.querySelectorAll(arguments[0]).forEach(e => {
              if (e.closest('.scroll') && !e.classList.contains('scroll')) return;
              const r = e.getBoundingClientRect();
              if (r.width > 0 && r.right > width + 1) out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right));
            });
            return out.slice(0, 10).join('; ');
            """;

    static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws Exception {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install Debian's chromium and chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "Debian chromium + chromium-driver not installed: browser test skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=390,844", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("fpjc-chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theWorkPagesFitAPhoneAndADeskAndTheHomeDrawsItsCharts() throws Exception {
        new WorkPagesTest().data();
        browser.get(base + "login");
        browser.findElement(By.id("username")).sendKeys(WorkPagesTest.clerk);
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().endsWith("/login"));
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "");
        pages.put("household", "households/" + WorkPagesTest.approvedHousehold);
        pages.put("household-start", "households/" + WorkPagesTest.formHousehold);
        pages.put("clue-form", "clues/new?household=" + WorkPagesTest.clueHousehold);
        pages.put("cases", "cases");
        for (int width : new int[] {390, 1400}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.get(base + page.getValue());
                assertTrue(browser.findElement(By.tagName("h1")).getText().length() > 0, page.getKey());
                if (page.getKey().equals("home")) {
                    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("[data-echarts=pie][data-rendered=true]"))
                            .size() == 2);
                }
                if (width == 390 && page.getKey().startsWith("household")) {
                    // The household page's own tables (members, incomes) are issue 18 item 1's; its monitoring is this test's.
                    assertEquals("", js(OVERFLOWING, "#monitoring, #monitoring *, #open-case-form, #open-case-form *"),
                            page.getKey() + ": the monitoring section is wider than the phone");
                } else if (width == 390) {
                    assertEquals("", js(OVERFLOWING, "body *"), page.getKey() + ": something in the page is wider than the phone");
                    long documentWidth = ((Number) js("return document.documentElement.scrollWidth", "")).longValue();
                    assertTrue(documentWidth <= width, page.getKey() + ": the page scrolls sideways (" + documentWidth + " px)");
                }
                Path dir = Path.of("target", "screenshots");
                Files.createDirectories(dir);
                Files.write(dir.resolve("work-pages-" + width + "-" + page.getKey() + ".png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            }
        }
    }

    private static Object js(String script, String selector) {
        return ((JavascriptExecutor) browser).executeScript(script, selector);
    }
}
