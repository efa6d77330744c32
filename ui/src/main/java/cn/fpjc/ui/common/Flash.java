package cn.fpjc.ui.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The message a page shows after a post/redirect/get ("已开通…", a refusal with no form to show again). It travels in a
 * short-lived HttpOnly, SameSite=Strict cookie set by the server's redirect, never in the URL: text in ?flash= or ?error=
 * would let any link make the site say whatever its author wants. Another site cannot set this cookie, and the page
 * that shows it clears it, so it appears once. (A cookie rather than a server-side store keyed by id: it works
 * whichever replica serves the next page.)
 */
public final class Flash {
    /** Information: "已开通…", "已设定…". */
    public static final String INFO = "fpjc_flash";
    /** A refusal shown on the page the person is sent back to. */
    public static final String ERROR = "fpjc_error";
    private static final int MAX_CHARS = 300;

    public static NewCookie info(String message) {
        return cookie(INFO, message);
    }

    public static NewCookie error(String message) {
        return cookie(ERROR, message);
    }

    /** The cookie's text, or null. */
    public static String text(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return null;
        }
        try {
            return URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static NewCookie cookie(String name, String message) {
        String text = message.length() > MAX_CHARS ? message.substring(0, MAX_CHARS) + "…" : message;
        return new NewCookie.Builder(name).value(URLEncoder.encode(text, StandardCharsets.UTF_8)).path("/").maxAge(60).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** Once a page (not another redirect) has answered a request that carried a message, the message is spent. */
    public static class Spent {
        @ServerResponseFilter
        public void clear(ContainerRequestContext request, ContainerResponseContext response) {
            if (response.getStatus() / 100 == 3) {
                return;
            }
            for (String name : new String[] {INFO, ERROR}) {
                if (request.getCookies().containsKey(name)) {
                    response.getHeaders().add(HttpHeaders.SET_COOKIE,
                            new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build());
                }
            }
        }
    }

    private Flash() {
    }
}
