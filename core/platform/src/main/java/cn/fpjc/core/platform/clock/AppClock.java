package cn.fpjc.core.platform.clock;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one source of "now" for the whole product: inject it instead of calling {@code now()}. Dates are Beijing dates
 * (every county works on China Standard Time).
 * <p>
 * Tests and the demo can move the date: globally ({@code fpjc.clock.today} at start, or {@link #setToday(String, LocalDate)}
 * with no county) and for one county, which then wins whenever the current work belongs to that county (the request's
 * tenant, or the one a job bound with {@link TenantScope}). A setting is a whole number of days added to the machine's
 * clock, so the time of day stays real and time keeps flowing. Settings live in this process's memory only.
 * <p>
 * The request path pays one volatile read, plus a map lookup only while some county has its own date.
 */
@ApplicationScoped
public class AppClock {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Clock system;
    private final Duration configured;
    private final boolean adjustable;
    private volatile Duration global;
    /** Replaced, never changed in place, so readers need no lock. */
    private volatile Map<String, Duration> counties = Map.of();

    @Inject
    public AppClock(ClockConfig config) {
        this(Clock.system(CHINA), config.today(), config.adjustable());
    }

    /** For unit tests: {@code system} stands for the machine's clock. */
    public AppClock(Clock system, Optional<LocalDate> startOn, boolean adjustable) {
        this.system = system.withZone(CHINA);
        this.configured = startOn.map(this::offsetTo).orElse(Duration.ZERO);
        this.adjustable = adjustable;
        this.global = configured;
    }

    /** The current instant (for timestamps), in the current county's time. */
    public Instant now() {
        return system.instant().plus(offset());
    }

    /** Today's date in China, in the current county's time. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), CHINA);
    }

    /** The current year in China. */
    public int year() {
        return today().getYear();
    }

    /** {@link #now()} as a UTC date-time, for JDBC columns that store UTC (Hibernate's {@code jdbc.timezone=UTC}). */
    public LocalDateTime nowUtc() {
        return LocalDateTime.ofInstant(now(), ZoneOffset.UTC);
    }

    /** A {@link Clock} for APIs that take one, fixed to the offset of the current county at the time of the call. */
    public Clock clock() {
        return Clock.offset(system, offset());
    }

    /**
     * The machine's own time, never moved: for what other software checks against real time (token expiry) and for
     * liveness of background work (heartbeats, leases), which must not expire because a test moved the date.
     */
    public Instant machineNow() {
        return system.instant();
    }

    // ---------------------------------------------------------------- settings (tests and the demo)

    /** Whether dates may be set at run time ({@code fpjc.clock.adjustable}). */
    public boolean adjustable() {
        return adjustable;
    }

    /** Sets today's date for one county, or globally when {@code county} is null. Refused unless adjustable. */
    public synchronized void setToday(String county, LocalDate day) {
        requireAdjustable();
        Duration offset = offsetTo(day);
        if (county == null) {
            global = offset;
        } else {
            Map<String, Duration> next = new HashMap<>(counties);
            next.put(county, offset);
            counties = Map.copyOf(next);
        }
    }

    /** One county back to the global date; with {@code county} null, everything back to the configured start. */
    public synchronized void reset(String county) {
        requireAdjustable();
        if (county == null) {
            global = configured;
            counties = Map.of();
        } else {
            Map<String, Duration> next = new HashMap<>(counties);
            next.remove(county);
            counties = Map.copyOf(next);
        }
    }

    /** What is set now: the global date and each county's own date. */
    public Settings settings() {
        Map<String, LocalDate> byCounty = new TreeMap<>();
        counties.forEach((county, offset) -> byCounty.put(county, dateAt(offset)));
        return new Settings(dateAt(global), LocalDate.now(system), !global.isZero() || !byCounty.isEmpty(), adjustable, byCounty);
    }

    /**
     * @param today     the global date
     * @param machine   the machine's date
     * @param moved     whether any date differs from the machine's
     * @param counties  counties with their own date
     */
    public record Settings(LocalDate today, LocalDate machine, boolean moved, boolean adjustable, Map<String, LocalDate> counties) {
    }

    private void requireAdjustable() {
        if (!adjustable) {
            throw new ApiException(PlatformError.CLOCK_NOT_ADJUSTABLE);
        }
    }

    private Duration offset() {
        Map<String, Duration> own = counties;
        if (!own.isEmpty()) {
            String tenant = TenantScope.current();
            Duration offset = tenant == null ? null : own.get(tenant);
            if (offset != null) {
                return offset;
            }
        }
        return global;
    }

    /** Whole days from the machine's date to {@code day}. */
    private Duration offsetTo(LocalDate day) {
        return Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(system), day));
    }

    private LocalDate dateAt(Duration offset) {
        return LocalDate.ofInstant(system.instant().plus(offset), CHINA);
    }
}
