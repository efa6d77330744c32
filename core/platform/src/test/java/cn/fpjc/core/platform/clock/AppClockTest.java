package cn.fpjc.core.platform.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.tenancy.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dates moved by whole days on top of the machine's clock: globally, per county, reset, and never in production. */
class AppClockTest {
    /** The machine's clock, moved by hand: 2026-03-02 09:15 in Beijing. */
    static final class MachineClock extends Clock {
        Instant instant = LocalDateTime.of(2026, 3, 2, 9, 15).atZone(AppClock.CHINA).toInstant();

        @Override
        public ZoneId getZone() {
            return AppClock.CHINA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return instant;
        }
    }

    final MachineClock machine = new MachineClock();

    @Test
    void withNothingSetItIsTheMachinesTimeAndDateInBeijing() {
        AppClock clock = new AppClock(machine, Optional.empty(), false);
        assertEquals(machine.instant, clock.now());
        assertEquals(LocalDate.of(2026, 3, 2), clock.today());
        assertEquals(2026, clock.year());
        assertEquals(LocalDateTime.of(2026, 3, 2, 1, 15), clock.nowUtc());
        // 23:30 UTC on 1 March is already 2 March in Beijing
        machine.instant = LocalDateTime.of(2026, 3, 1, 23, 30).toInstant(ZoneOffset.UTC);
        assertEquals(LocalDate.of(2026, 3, 2), clock.today());
    }

    @Test
    void theConfiguredStartDateKeepsTheTimeOfDayAndTimeFlowsOn() {
        AppClock clock = new AppClock(machine, Optional.of(LocalDate.of(2024, 10, 8)), false);
        assertEquals(LocalDateTime.of(2024, 10, 8, 9, 15), LocalDateTime.ofInstant(clock.now(), AppClock.CHINA));
        machine.instant = machine.instant.plus(Duration.ofHours(15)); // 00:15 the next morning
        assertEquals(LocalDate.of(2024, 10, 9), clock.today());
        assertEquals(LocalDate.of(2024, 10, 9), LocalDate.now(clock.clock()));
        assertEquals(LocalDate.of(2026, 3, 3), LocalDate.ofInstant(clock.machineNow(), AppClock.CHINA), "the machine's time is never moved");
        assertTrue(clock.settings().moved());
    }

    @Test
    void aCountysOwnDateAppliesOnlyToWorkOfThatCountyAndResetReturnsItToTheGlobalDate() {
        AppClock clock = new AppClock(machine, Optional.empty(), true);
        clock.setToday("230129", LocalDate.of(2024, 9, 26));
        assertEquals(LocalDate.of(2024, 9, 26), TenantScope.call("230129", clock::today));
        assertEquals(LocalDate.of(2026, 3, 2), TenantScope.call("620102", clock::today), "another county keeps the machine's date");
        assertEquals(LocalDate.of(2026, 3, 2), clock.today(), "no county: the global date");

        clock.setToday(null, LocalDate.of(2025, 1, 6));
        assertEquals(LocalDate.of(2025, 1, 6), TenantScope.call("620102", clock::today));
        assertEquals(LocalDate.of(2024, 9, 26), TenantScope.call("230129", clock::today), "the county's own date wins over the global one");
        assertEquals(new AppClock.Settings(LocalDate.of(2025, 1, 6), LocalDate.of(2026, 3, 2), true, true,
                Map.of("230129", LocalDate.of(2024, 9, 26))), clock.settings());

        clock.reset("230129");
        assertEquals(LocalDate.of(2025, 1, 6), TenantScope.call("230129", clock::today));
        clock.reset(null);
        assertEquals(LocalDate.of(2026, 3, 2), TenantScope.call("230129", clock::today));
        assertFalse(clock.settings().moved());
    }

    @Test
    void resetGoesBackToTheConfiguredStartDateNotTheMachines() {
        AppClock clock = new AppClock(machine, Optional.of(LocalDate.of(2024, 10, 8)), true);
        clock.setToday(null, LocalDate.of(2024, 12, 31));
        clock.reset(null);
        assertEquals(LocalDate.of(2024, 10, 8), clock.today());
    }

    @Test
    void withoutAdjustableNothingCanBeSetOrReset() {
        AppClock clock = new AppClock(machine, Optional.of(LocalDate.of(2024, 10, 8)), false);
        assertEquals(PlatformError.CLOCK_NOT_ADJUSTABLE,
                assertThrows(ApiException.class, () -> clock.setToday("230129", LocalDate.of(2024, 1, 2))).code());
        assertEquals(PlatformError.CLOCK_NOT_ADJUSTABLE, assertThrows(ApiException.class, () -> clock.reset(null)).code());
        assertEquals(LocalDate.of(2024, 10, 8), TenantScope.call("230129", clock::today));
    }
}
