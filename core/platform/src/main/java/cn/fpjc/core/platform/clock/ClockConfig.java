package cn.fpjc.core.platform.clock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.util.Optional;

/** {@code fpjc.clock.*}: the date the app starts on, and whether a platform admin may move it while it runs. */
@ConfigMapping(prefix = "fpjc.clock")
public interface ClockConfig {
    /**
     * Start on this date (env {@code FPJC_CLOCK_TODAY}) at the current time of day; time then flows normally. Empty: the
     * machine's date.
     */
    Optional<LocalDate> today();

    /** Whether {@code PUT /api/admin/clock} may set dates at run time: true in tests and the embedded demo only. */
    @WithDefault("false")
    boolean adjustable();
}
