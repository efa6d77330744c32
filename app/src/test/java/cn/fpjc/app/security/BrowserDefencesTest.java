package cn.fpjc.app.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.BrowserForm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 19, item 5: forged form posts refused, security headers on every response, page messages only from the server. */
@QuarkusTest
class BrowserDefencesTest {
    static String here() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void aCrossOriginFormPostWithTheSessionCookieIsRefused() {
        String session = Api.login("lankao.clerk", Api.DEMO_PASSWORD);
        // Even with a token an attacker could not read, another Origin (or Referer) is refused before anything runs.
        BrowserForm.from("/clues", session).header("Origin", "https://evil.example").formParam("name", "伪造")
                .post("/clues").then().statusCode(403).body(containsString("id=\"csrf-refused\""));
        BrowserForm.from("/clues", session).header("Referer", "https://evil.example/page.html").formParam("name", "伪造")
                .post("/clues").then().statusCode(403);
        // Same origin but no token (what a forged form without the cookie's twin sends): refused too, multipart included.
        given().redirects().follow(false).cookie("fpjc_token", session).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("name", "伪造").post("/clues").then().statusCode(403);
        given().redirects().follow(false).cookie("fpjc_token", session).header("Origin", here())
                .multiPart("file", "a.csv", "户编号*,姓名*\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/households/import").then().statusCode(403);
        // A token from another browser (its own cookie) does not match this browser's cookie.
        BrowserForm.from("/clues", session).cookie("fpjc_csrf", "A".repeat(43)).formParam("name", "伪造").post("/clues").then().statusCode(403);
        // The same-origin form with its token goes through to the page's own validation.
        BrowserForm.from("/clues", session).header("Origin", here()).formParam("name", "").post("/clues").then().statusCode(400);
    }

    /**
     * The issue asks for the CSRF check's request overhead as a ratio: what the filter adds to a page form post (the Origin
     * comparison and the constant-time token comparison; the form is parsed for the page anyway) against the whole post.
     * Prints the figure; asserts only that the check accepts what it should, the ratio being a measurement.
     */
    @Test
    void theCsrfCheckCostsAFractionOfAFormPost() {
        String session = Api.login("lankao.clerk", Api.DEMO_PASSWORD);
        Response page = given().cookie("fpjc_token", session).get("/clues");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(m.find());
        String token = m.group(1);
        String cookie = page.getCookie("fpjc_csrf");
        String host = "localhost:" + RestAssured.port;
        int posts = 200;
        long[] nanos = new long[posts];
        for (int i = -50; i < posts; i++) {
            long start = System.nanoTime();
            given().redirects().follow(false).cookie("fpjc_token", session).cookie("fpjc_csrf", cookie).header("Origin", here())
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token)
                    .formParam("name", "").post("/clues").then().statusCode(400);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        java.util.Arrays.sort(nanos);
        double postNanos = nanos[posts / 2];
        int checks = 1_000_000;
        boolean accepted = true;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            long start = System.nanoTime();
            for (int i = 0; i < checks; i++) {
                accepted &= cn.fpjc.ui.common.CsrfProtection.sameOrigin(here(), null, host)
                        && cn.fpjc.ui.common.CsrfProtection.tokenMatches(token, cookie);
            }
            if (round == 1) {
                double checkNanos = (System.nanoTime() - start) / (double) checks;
                System.out.printf("CSRF-OVERHEAD check=%.0f ns form-post-p50=%.0f ns ratio=%.5f%n", checkNanos, postNanos,
                        checkNanos / postNanos);
            }
        }
        assertTrue(accepted, "the check accepts this site's origin and the matching token");
        assertFalse(cn.fpjc.ui.common.CsrfProtection.sameOrigin("https://evil.example", null, host));
        assertFalse(cn.fpjc.ui.common.CsrfProtection.tokenMatches(token, "A".repeat(43)));
    }

    @Test
    void loginCsrfIsRefusedAndTheRealLoginFormWorks() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("username", "lankao.clerk").formParam("password", Api.DEMO_PASSWORD).post("/login").then().statusCode(403);
        Response ok = BrowserForm.from("/login", null).header("Origin", here()).formParam("username", "lankao.clerk")
                .formParam("password", Api.DEMO_PASSWORD).post("/login");
        ok.then().statusCode(303);
        assertTrue(ok.getCookie("fpjc_token") != null && !ok.getCookie("fpjc_token").isEmpty());
    }

    @Test
    void theApiWithABearerTokenNeedsNoCsrfToken() {
        // Not cookie-driven: a browser never adds an Authorization header to a cross-site request.
        Api.as("lankao.clerk").header("Origin", "https://evil.example").get("/api/auth/me").then().statusCode(200);
        Api.as("lankao.clerk").contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false)
                .formParam("name", "").post("/clues").then().statusCode(400);
    }

    @Test
    void securityHeadersAreOnPagesAndApiAnswers() {
        for (Response r : new Response[] {given().get("/login"), Api.as("lankao.clerk").get("/api/auth/me"), given().get("/api/auth/me"),
                given().get("/static/app.css")}) {
            r.then().header("X-Frame-Options", equalTo("DENY")).header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("same-origin"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    // fpjc.ui.secure-cookie is off here (plain http): no HSTS.
                    .header("Strict-Transport-Security", nullValue());
        }
    }

    @Test
    void messagesInTheQueryAreNotShown() {
        String[] pages = {"/admin/users?flash=%3Cscript%3E%E8%AF%B7%E6%8B%A8%E6%89%93", "/admin/tenants?flash=%E8%AF%B7%E6%8B%A8%E6%89%93",
                "/admin/yearly-values?province=henan&flash=%E8%AF%B7%E6%8B%A8%E6%89%93"};
        for (String page : pages) {
            String html = Api.as("admin").accept("text/html").get(page).then().statusCode(200).extract().asString();
            assertFalse(html.contains("请拨打") || html.contains("&lt;script"), page);
        }
        // The server's own message arrives once, by its cookie.
        String user = Api.createUser("t_flash_once", "village-clerk", "620621", "620621100202");
        Response unlocked = Api.as("minqin.admin").contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false)
                .post("/admin/users/" + user + "/unlock");
        unlocked.then().statusCode(303).header("Location", org.hamcrest.Matchers.not(containsString("flash=")));
        String flash = unlocked.getCookie("fpjc_flash");
        Response shown = Api.as("minqin.admin").accept("text/html").cookie("fpjc_flash", flash).get("/admin/users");
        shown.then().statusCode(200).body(containsString("已解锁 " + user));
        assertTrue(shown.getHeaders().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("fpjc_flash=") && c.contains("Max-Age=0")),
                shown.getHeaders().toString());
    }
}
