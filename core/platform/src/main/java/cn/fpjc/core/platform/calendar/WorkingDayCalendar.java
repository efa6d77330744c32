package cn.fpjc.core.platform.calendar;

import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.plugin.PluginFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Due dates on the State Council's working-day calendar (DOMAIN.md §2 "Counting days", CALENDAR.md).
 * <ul>
 * <li>Periods follow the Civil Code (民法典 第二百零一条): the start day is not counted.</li>
 * <li>A period in calendar days whose last day is a rest day (a day off, or a weekend that is not an adjusted working
 * day) ends on the next working day (第二百零三条) — unless the caller counts strictly.</li>
 * <li>A period in working days counts Monday—Friday minus the days off plus the adjusted working weekends.</li>
 * <li>A date in a year whose schedule is not loaded is refused with a clear message, never guessed as Mon—Fri.</li>
 * </ul>
 * Years come bundled ({@code calendar/holidays.json}, 2024—2026) and from {@link HolidayScheduleStore} at run time.
 */
@ApplicationScoped
public class WorkingDayCalendar {
    static final String BUNDLED = "calendar/holidays.json";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** How far a period may run; a longer one is a programming error, not a calendar question. */
    private static final int MAX_PERIOD = 3660;

    record Bundled(String comment, List<HolidaySchedule> years) {
    }

    private final Map<Integer, HolidaySchedule> bundled;
    private final Instance<HolidayScheduleStore> stores;

    @Inject
    public WorkingDayCalendar(Instance<HolidayScheduleStore> stores) {
        this.stores = stores;
        this.bundled = new HashMap<>();
        for (HolidaySchedule s : readBundled()) {
            List<String> problems = s.problems();
            if (!problems.isEmpty()) {
                throw new IllegalStateException(BUNDLED + " " + s.year() + ": " + problems);
            }
            bundled.put(s.year(), s);
        }
    }

    /** For unit tests: the bundled years only. */
    public static WorkingDayCalendar bundledOnly() {
        return new WorkingDayCalendar(null);
    }

    /** Every year the calendar knows, the run-time ones replacing bundled ones of the same year. */
    public Map<Integer, HolidaySchedule> years() {
        Map<Integer, HolidaySchedule> all = new HashMap<>(bundled);
        if (stores != null) {
            for (HolidayScheduleStore store : stores) {
                store.loaded().forEach(s -> all.put(s.year(), s));
            }
        }
        return all;
    }

    public boolean isWorkingDay(LocalDate day) {
        return !isRestDay(day, years());
    }

    /** {@code days} calendar days after {@code start} (start not counted), moved off a rest day if {@code extendOverRestDays}. */
    public Due afterDays(LocalDate start, int days, boolean extendOverRestDays) {
        checkPeriod(days);
        Map<Integer, HolidaySchedule> years = years();
        LocalDate end = start.plusDays(days);
        String rule = "自" + start.format(CHINESE_DATE) + "起" + days + "天（不含当日）";
        if (!extendOverRestDays) {
            return new Due(end, rule + "，按自然日计，不顺延", false);
        }
        LocalDate due = end;
        while (isRestDay(due, years)) {
            due = due.plusDays(1);
        }
        if (due.equals(end)) {
            return new Due(end, rule, false);
        }
        return new Due(due, rule + "，期限最后一日" + end.format(CHINESE_DATE) + "是法定休假日，顺延至其后第一个工作日", true);
    }

    /** {@code n} working days after {@code start} (start not counted): the n-th working day after it. */
    public Due afterWorkingDays(LocalDate start, int n) {
        checkPeriod(n);
        Map<Integer, HolidaySchedule> years = years();
        LocalDate day = start;
        int counted = 0;
        Set<String> notices = new TreeSet<>();
        while (counted < n) {
            day = day.plusDays(1);
            if (!isRestDay(day, years)) {
                counted++;
            }
            notices.add(years.get(day.getYear()).notice());
        }
        return new Due(day, "自" + start.format(CHINESE_DATE) + "起" + n + "个工作日（不含当日，节假日和调休依"
                + String.join("、", notices) + "）", false);
    }

    /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after {@code from}). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Map<Integer, HolidaySchedule> years = years();
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (!isRestDay(d, years)) {
                n++;
            }
        }
        return n;
    }

    private static boolean isRestDay(LocalDate day, Map<Integer, HolidaySchedule> years) {
        HolidaySchedule s = years.get(day.getYear());
        if (s == null) {
            throw new ApiException(PlatformError.CALENDAR_YEAR_MISSING, day.getYear() + "年的节假日安排尚未载入，无法计算" + day.format(CHINESE_DATE)
                    + "前后的期限；请平台管理员在国务院办公厅公布后载入");
        }
        if (s.daysOff().contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend && !s.workingWeekends().contains(day);
    }

    private static void checkPeriod(int days) {
        if (days < 0 || days > MAX_PERIOD) {
            throw new IllegalArgumentException("period of " + days + " days");
        }
    }

    static List<HolidaySchedule> readBundled() {
        try {
            List<HolidaySchedule> years = PluginFiles.read(WorkingDayCalendar.class.getClassLoader(), BUNDLED, Bundled.class).years();
            Set<Integer> seen = new HashSet<>();
            years.forEach(y -> {
                if (!seen.add(y.year())) {
                    throw new IllegalStateException(BUNDLED + ": year " + y.year() + " twice");
                }
            });
            return years;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
