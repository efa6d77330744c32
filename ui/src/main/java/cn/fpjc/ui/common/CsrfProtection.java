package cn.fpjc.ui.common;

import cn.fpjc.core.platform.error.ErrorBody;
import cn.fpjc.core.platform.error.ErrorMappers;
import cn.fpjc.core.platform.error.PlatformError;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Cross-site request forgery defences for what a browser sends by itself (the session cookie), on top of SameSite=Strict:
 * <ul>
 * <li>every unsafe request without an Authorization header must come from this site: an Origin (or, without one, a
 * Referer) naming another host is refused;</li>
 * <li>every page form post (urlencoded or multipart, login and the public 一键申报 form included) must carry the
 * double-submit token: the hidden field csrf-token equal to the HttpOnly cookie fpjc_csrf.</li>
 * </ul>
 * A request with an Authorization header (the API's Bearer token) is not cookie-driven — no browser adds that header to a
 * cross-site request — so it needs neither. This is quarkus-rest-csrf's technique, done here because that extension is
 * not served at this Quarkus version and cannot exempt Bearer requests (it would refuse the API's multipart uploads).
 */
public class CsrfProtection {
    public static final String COOKIE = "fpjc_csrf";
    public static final String FIELD = "csrf-token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    CsrfToken token;

    @Inject
    UiConfig config;

    @ServerRequestFilter(readBody = true)
    public Response check(ResteasyReactiveContainerRequestContext ctx) {
        boolean page = isPage(ctx.getUriInfo().getPath());
        Cookie cookie = ctx.getCookies().get(COOKIE);
        String fromCookie = cookie == null ? null : cookie.getValue();
        if (page) {
            token.use(fromCookie);
        }
        if (SAFE.contains(ctx.getMethod()) || ctx.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        if (!sameOrigin(ctx.getHeaderString("Origin"), ctx.getHeaderString("Referer"), ctx.getHeaderString(HttpHeaders.HOST))) {
            return refused(page);
        }
        if (page && isForm(ctx.getMediaType())) {
            Object sent = ((ResteasyReactiveRequestContext) ctx.getServerRequestContext())
                    .getFormParameter(FIELD, true, false);
            if (token.fresh() || !tokenMatches(sent, fromCookie)) {
                return refused(true);
            }
        }
        return null;
    }

    /** The double-submit comparison, in constant time. Public for the overhead benchmark. */
    public static boolean tokenMatches(Object sent, String fromCookie) {
        return sent instanceof String s && fromCookie != null
                && MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), fromCookie.getBytes(StandardCharsets.UTF_8));
    }

    /** A page that handed out a new token sets it as the cookie its forms will be checked against. */
    @ServerResponseFilter
    public void issue(ContainerRequestContext request, ContainerResponseContext response) {
        if (isPage(request.getUriInfo().getPath()) && token.fresh()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(COOKIE).value(token.getToken()).path("/")
                    .httpOnly(true).secure(config.secureCookie()).sameSite(NewCookie.SameSite.STRICT).build());
        }
    }

    /**
     * Origin, else Referer, must name the host the request was sent to; a request with neither (not a browser's) passes.
     * Public for the overhead benchmark.
     */
    public static boolean sameOrigin(String origin, String referer, String host) {
        String source = origin != null ? origin : referer;
        if (source == null) {
            return true;
        }
        try {
            String authority = URI.create(source.strip()).getRawAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException malformed) {
            return false; // "null" (a sandboxed or privacy-stripped origin) and garbage alike
        }
    }

    private static boolean isPage(String path) {
        return !path.startsWith("/api/") && !path.startsWith("/q/");
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private static Response refused(boolean page) {
        if (!page) {
            return ErrorMappers.response(ErrorBody.of(PlatformError.CSRF_REFUSED));
        }
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>提交未被接受</title>"
                        + "<link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main><p class=\"error\" id=\"csrf-refused\">"
                        + PlatformError.CSRF_REFUSED.message() + "</p><p><a href=\"/\">返回首页</a></p></main></body></html>")
                .build();
    }
}
