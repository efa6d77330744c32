package cn.fpjc.app.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.admin.rollup.MetricSnapshotJob;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Chromium;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The province dashboard, a county opened up by township, and the county's 工作指标 page in Debian's Chromium at 390 px
 * and 1400 px on {@link RollupTest}'s county: the ECharts charts are drawn under the Content-Security-Policy and nothing
 * but a table's own box scrolls sideways on the phone. Screenshots land in app/target/screenshots.
 */
@QuarkusTest
class RollupBrowserTest {
    static final String OVERFLOWING = """
            const width = document.documentElement.clientWidth;
            const out = [];
            document.querySelectorAll('body *').forEach(e => {
              if (e.closest('.scroll') && !e.classList.contains('scroll')) return;
              if (e.closest('table')) return;
              const r = e.getBoundingClientRect();
              if (r.width > 0 && r.right > width + 1) out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right));
            });
            return out.slice(0, 10).join('; ');
            """;

    @TestHTTPResource("/")
    URL base;

    @Inject
    BackgroundJobs jobs;

    @Inject
    MetricSnapshotJob snapshotJob;

    @Test
    void theDashboardAndTheCountysPageDrawTheirCharts() throws Exception {
        new RollupTest().data();
        jobs.runSlot(snapshotJob, Instant.parse("2039-01-01T20:30:00Z").plusSeconds(System.nanoTime() % 100_000));
        WebDriver browser = Chromium.start(1400, 900);
        try {
            login(browser, "jiangxi-admin", Api.DEMO_PASSWORD);
            Map<String, String> pages = Map.of(
                    "province-dashboard", "province/dashboard?metric=monitoring.identified-on-time",
                    "province-county", "province/dashboard/counties/" + RollupTest.county);
            check(browser, pages, Map.of("province-dashboard", "#county-chart[data-rendered=true], #trend-chart[data-rendered=true]",
                    "province-county", "[data-echarts=grid][data-rendered=true]"));
            browser.manage().deleteAllCookies();
            login(browser, RollupTest.admin, Api.PASSWORD);
            check(browser, Map.of("county-metrics", "metrics"), Map.of("county-metrics", "[data-echarts=bar][data-rendered=true]"));
        } finally {
            browser.quit();
        }
    }

    private void login(WebDriver browser, String user, String password) {
        browser.get(base + "login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    private void check(WebDriver browser, Map<String, String> pages, Map<String, String> drawn) throws Exception {
        for (int width : new int[] {390, 1400}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.get(base + page.getValue());
                assertTrue(browser.findElement(By.tagName("h1")).getText().length() > 0, page.getKey());
                String selector = drawn.get(page.getKey());
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(selector)).isEmpty());
                if (width == 390) {
                    assertEquals("", ((JavascriptExecutor) browser).executeScript(OVERFLOWING), page.getKey() + ": wider than the phone");
                }
                Chromium.screenshot(browser, "rollup-" + width + "-" + page.getKey());
            }
        }
    }
}
