package cn.fpjc.core.platform.clock;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one source of "now" for the whole product: inject it instead of calling {@code now()}. Dates are Beijing dates
 * (every county works on China Standard Time). Tests and the demo can set the date globally or for one county.
 */
@ApplicationScoped
public class AppClock {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private volatile Clock base = Clock.system(CHINA);

    /** The current instant (for timestamps). */
    public Instant now() {
        return base.instant();
    }

    /** Today's date in China. */
    public LocalDate today() {
        return LocalDate.now(base);
    }

    /** The current year in China. */
    public int year() {
        return today().getYear();
    }

    /** A {@link Clock} for APIs that take one. */
    public Clock clock() {
        return base;
    }
}
