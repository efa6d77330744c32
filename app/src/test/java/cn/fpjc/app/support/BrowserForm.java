package cn.fpjc.app.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A form post the way a browser makes it: the page is opened first, its CSRF cookie and hidden token go back with the post. */
public final class BrowserForm {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private BrowserForm() {
    }

    /** Opens the page (optionally with a session cookie) and returns a urlencoded post spec carrying its token. */
    public static RequestSpecification from(String pagePath, String sessionToken) {
        RequestSpecification open = given().redirects().follow(false);
        if (sessionToken != null) {
            open.cookie("fpjc_token", sessionToken);
        }
        Response page = open.get(pagePath);
        Matcher m = TOKEN.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("no csrf-token on " + pagePath + ": " + page.statusCode());
        }
        RequestSpecification post = given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("fpjc_csrf", page.getCookie("fpjc_csrf")).formParam("csrf-token", m.group(1));
        if (sessionToken != null) {
            post.cookie("fpjc_token", sessionToken);
        }
        return post;
    }
}
