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

    void register(@Observes Filters filters) {
        filters.register(this::log, 100);
    }

    private void log(RoutingContext rc) {
        long start = System.nanoTime();
        rc.addEndHandler(ignored -> {
            if (LOG.isInfoEnabled()) {
                String path = rc.request().path();
                LOG.infof("%s %s %d %dms", rc.request().method(), mask(path), rc.response().getStatusCode(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        });
        rc.next();
    }

    /** Paths never carry ID numbers by design; mask any 15–18 digit run anyway, defensively. */
    static String mask(String path) {
        return path == null ? "" : path.replaceAll("\\d{14}(\\d{3}[\\dXx]|\\d)", "***");
    }
}
