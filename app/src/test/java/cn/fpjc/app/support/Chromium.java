package cn.fpjc.app.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium for the browser tests (installed by .ci/run with a CJK font, never downloaded by a test tool). Without
 * /usr/bin/chromium a browser test is skipped locally and fails on CI. Screenshots land in app/target/screenshots.
 */
public final class Chromium {
    public static final String BINARY = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    /**
     * Elements of the page sticking out past the right edge of the window, except inside a box that scrolls sideways on its
     * own (a table on a phone, {@code .scroll}): each as "tag#id.class right-edge"; empty when the page fits.
     */
    public static final String OVERFLOWING = """
            const width = document.documentElement.clientWidth;
            const scrolls = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
            const out = [];
            document.querySelectorAll('body *').forEach(e => {
              const r = e.getBoundingClientRect();
              if (r.width > 0 && r.right > width + 1 && !scrolls(e)) out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right));
            });
            return out.slice(0, 10).join('; ');
            """;

    private Chromium() {
    }

    /** A headless Chromium whose window is {@code width} × {@code height} CSS pixels. */
    public static WebDriver start(int width, int height) throws IOException {
        boolean installed = new File(BINARY).canExecute() && new File(DRIVER).canExecute();
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install Debian's chromium and chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "Debian chromium + chromium-driver not installed: browser test skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height, "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("fpjc-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        browser.manage().window().setSize(new Dimension(width, height));
        return browser;
    }

    /** Saves what the window shows as target/screenshots/{name}.png. */
    public static void screenshot(WebDriver browser, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
