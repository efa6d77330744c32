package cn.fpjc.core.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * One log line per request: method, path without query string, status, duration. No query
 * strings, bodies or headers, so search terms and ID numbers never reach the log.
 */
@ApplicationScoped
public class RequestLogFilter {
    private static final Logger LOG = Logger.getLogger("cn.fpjc.request");
    /** Compiled once: String.replaceAll compiled it on every request (issue 17's profile of the tenant gate). */
    private static final java.util.regex.Pattern ID_LIKE = java.util.regex.Pattern.compile("\\d{14}(\\d{3}[\\dXx]|\\d)");

    void register(@Observes Filters filters) {
        filters.register(this::log, 100);
    }

    private void log(RoutingContext rc) {
        long start = System.nanoTime();
        rc.addEndHandler(ignored -> {
            if (LOG.isInfoEnabled()) {
                // Concatenated rather than infof: printf formatting (java.util.Formatter) was most of the log line's cost
                // (issue 17's profile of the exact ID search). A message without parameters is written as it is.
                LOG.info(rc.request().method() + " " + mask(rc.request().path()) + " " + rc.response().getStatusCode() + " "
                        + (System.nanoTime() - start) / 1_000_000 + "ms");
            }
        });
        rc.next();
    }

    /** Paths never carry ID numbers by design; mask any 15–18 digit run anyway, defensively. */
    static String mask(String path) {
        if (path == null) {
            return "";
        }
        int run = 0;
        for (int i = 0; i < path.length() && run < 15; i++) {
            char c = path.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
        }
        return run < 15 ? path : ID_LIKE.matcher(path).replaceAll("***"); // the regex only where a 15-digit run is there to mask
    }
}
