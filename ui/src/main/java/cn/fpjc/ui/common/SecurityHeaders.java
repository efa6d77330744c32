package cn.fpjc.ui.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Browser defences on every response (pages, API, static files, errors), set as a Vert.x route filter rather than
 * quarkus.http.header config because HSTS depends on fpjc.ui.secure-cookie and the policy must leave /q/ (Swagger UI's
 * inline script) alone. The pages carry no inline script, style or handler (static/app.js binds the few behaviours), so
 * the Content-Security-Policy allows only this origin.
 */
@ApplicationScoped
public class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Inject
    UiConfig config;

    void register(@Observes Filters filters) {
        boolean https = config.secureCookie();
        filters.register(rc -> {
            MultiMap headers = rc.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "same-origin");
            if (!rc.normalizedPath().startsWith("/q/")) {
                headers.set("Content-Security-Policy", CSP);
            }
            if (https) {
                // Only where the UI is served over HTTPS (the same switch as the Secure cookie): a year, subdomains untouched.
                headers.set("Strict-Transport-Security", "max-age=31536000");
            }
            rc.next();
        }, 200);
    }
}
