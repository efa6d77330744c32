package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rate limit of the public self-report form: at most {@code fpjc.self-report.per-client} reports per client address
 * within {@code fpjc.self-report.window} (default 5 per hour), per county. Sliding window in memory: with several
 * replicas each one counts its own share, which still stops a script hammering the form; a reverse proxy's limit can
 * sit in front of it.
 */
@ApplicationScoped
public class SelfReportLimiter {
    @ConfigProperty(name = "fpjc.self-report.per-client", defaultValue = "5")
    int perClient;

    @ConfigProperty(name = "fpjc.self-report.window", defaultValue = "1h")
    Duration window;

    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    /** Counts one report from {@code client} to {@code county}, or refuses with 429 when the window is full. */
    /** Counts a report from {@code request}'s client address (the page and the API share the limit). */
    public void acquire(String county, io.vertx.core.http.HttpServerRequest request) {
        acquire(county, request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    public void acquire(String county, String client) {
        long now = System.nanoTime();
        long horizon = now - window.toNanos();
        Deque<Long> times = recent.computeIfAbsent(county + "|" + client, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < horizon) {
                times.pollFirst();
            }
            if (times.size() >= perClient) {
                throw new ApiException(MonitoringError.SELF_REPORT_RATE_LIMITED);
            }
            times.addLast(now);
        }
        if (recent.size() > 100_000) {
            // Forget idle clients so the map stays small under a scan of many addresses.
            recent.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() < horizon;
                }
            });
        }
    }
}
