package cn.fpjc.app.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.fpjc.app.support.Parallel;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.monitoring.MonitoringError;
import cn.fpjc.core.monitoring.SelfReportLimiter;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.tenancy.TenantScope;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The public self-report limit lives in the control database (issue 16): exactly {@code fpjc.self-report.per-client} (5)
 * reports per client and county within the window however many arrive at once, slots taken by another replica count
 * here, a slot frees when its use leaves the window, and expired slots are pruned.
 */
@QuarkusTest
class SelfReportLimiterTest {
    static final AtomicInteger CLIENTS = new AtomicInteger();
    static final String COUNTY = "410225";

    @Inject
    SelfReportLimiter limiter;

    @Inject
    AppClock clock;

    static String freshClient() {
        return "198.51.100." + CLIENTS.incrementAndGet() + "-" + System.nanoTime();
    }

    static long slots(String client) {
        return Long.parseLong(Sql.column("SELECT COUNT(*) FROM self_report_slot WHERE county_code = '" + COUNTY + "' AND client = '" + client + "'")
                .get(0));
    }

    /** One attempt: true when admitted, false when refused with the rate-limit error (anything else fails the test). */
    boolean attempt(String county, String client) {
        try {
            limiter.acquire(county, client);
            return true;
        } catch (ApiException e) {
            assertEquals(MonitoringError.SELF_REPORT_RATE_LIMITED, e.code());
            return false;
        }
    }

    @Test
    void manyAtOnceFromOneClientAdmitExactlyPerClient() throws Exception {
        for (int round = 0; round < 3; round++) {
            String client = freshClient();
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(() -> attempt(COUNTY, client));
            }
            List<Boolean> answers = Parallel.atOnce(calls);
            assertEquals(5, answers.stream().filter(b -> b).count(), "admitted of 24 at once: " + answers);
            assertEquals(5, slots(client));
            // Another county's limit is its own.
            assertEquals(true, attempt("410226", client));
        }
    }

    @Test
    void slotsTakenOnAnotherReplicaCountHere() {
        String client = freshClient();
        // Another replica admitted five reports a minute ago: only the shared table knows.
        for (int slot = 0; slot < 5; slot++) {
            Sql.execute("INSERT INTO self_report_slot (county_code, client, slot, used_at) VALUES ('" + COUNTY + "', '" + client + "', " + slot
                    + ", UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE)");
        }
        ApiException refused = assertThrows(ApiException.class, () -> limiter.acquire(COUNTY, client));
        assertEquals(429, refused.code().status());
    }

    @Test
    void aSlotFreesWhenItsUseLeavesTheWindowAndAMovedDateChangesNothing() {
        String client = freshClient();
        for (int i = 0; i < 5; i++) {
            assertEquals(true, attempt(COUNTY, client), "report " + (i + 1));
        }
        assertEquals(false, attempt(COUNTY, client));
        // The county's date moved a month ahead (a demo): the limit runs on the machine's time, so still full.
        clock.setToday(COUNTY, clock.today().plusDays(30));
        try {
            assertEquals(false, TenantScope.call(COUNTY, () -> attempt(COUNTY, client)));
        } finally {
            clock.reset(COUNTY);
        }
        // The oldest use slides out of the hour: exactly one more report, then full again.
        Sql.execute("UPDATE self_report_slot SET used_at = used_at - INTERVAL 61 MINUTE WHERE county_code = '" + COUNTY + "' AND client = '"
                + client + "' AND slot = 2");
        assertEquals(true, attempt(COUNTY, client));
        assertEquals(false, attempt(COUNTY, client));
        assertEquals(5, slots(client));
    }

    @Test
    void pruneRemovesOnlySlotsOutsideTheWindow() {
        String old = freshClient();
        String recent = freshClient();
        for (int slot = 0; slot < 3; slot++) {
            Sql.execute("INSERT INTO self_report_slot (county_code, client, slot, used_at) VALUES ('" + COUNTY + "', '" + old + "', " + slot
                    + ", UTC_TIMESTAMP(6) - INTERVAL 2 HOUR)");
        }
        limiter.acquire(COUNTY, recent);
        limiter.prune();
        assertEquals(0, slots(old));
        assertEquals(1, slots(recent));
    }
}
