package cn.fpjc.ui.common;

import cn.fpjc.core.platform.error.ErrorBody;
import cn.fpjc.core.platform.security.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Errors on pages as pages: a refusal that reaches a person's browser (403, 404, 409, a bad parameter in the address…) is
 * shown in Chinese inside the layout, with the way back, instead of the API's JSON. The status stays. API routes
 * ({@code /api/…}, {@code /q/…}) and clients that do not ask for HTML keep the JSON {@link ErrorBody}. A form's own refusal
 * never gets here: {@link FormSubmit} shows the form again with the messages beside the inputs.
 */
public class ErrorPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(PageUser user, int status, String title, String message, List<String> details, String back);
    }

    @Inject
    CurrentUser user;

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || !(response.getEntity() instanceof ErrorBody body) || !isPage(request)) {
            return;
        }
        PageUser shown = user.isAuthenticated() ? PageUser.of(user) : null;
        List<String> details = body.fields() == null ? List.of() : body.fields().stream().map(ErrorBody.FieldError::message).distinct().toList();
        String html = Templates.error(shown, response.getStatus(), title(response.getStatus()), body.message(), details,
                back(request.getHeaderString("Referer"), request.getUriInfo().getRequestUri())).render();
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    /** A page route asked for by a browser: not the API or Quarkus' own endpoints, and HTML accepted. */
    static boolean isPage(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            return false;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    static String title(int status) {
        return switch (status) {
            case 403 -> "没有权限";
            case 404 -> "没有找到";
            case 409 -> "暂时不能办理";
            case 400, 422 -> "填写的内容有误";
            case 413 -> "文件过大";
            case 429 -> "操作过于频繁";
            default -> status >= 500 ? "系统暂时出了问题" : "请求未能办理";
        };
    }

    /** The page the person came from (this site's, by path), else the home page. */
    static String back(String referer, URI current) {
        if (referer != null) {
            try {
                URI from = URI.create(referer);
                String path = from.getRawPath();
                if (path != null && path.startsWith("/") && !path.startsWith("//") && (from.getHost() == null || from.getHost().equals(current.getHost()))
                        && !path.equals(current.getRawPath())) {
                    return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
                }
            } catch (IllegalArgumentException e) {
                // not an address: home
            }
        }
        return "/";
    }
}
