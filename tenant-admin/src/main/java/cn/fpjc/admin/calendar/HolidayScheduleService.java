package cn.fpjc.admin.calendar;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.admin.audit.PlatformAudit;
import cn.fpjc.core.platform.calendar.HolidaySchedule;
import cn.fpjc.core.platform.calendar.HolidayScheduleStore;
import cn.fpjc.core.platform.calendar.WorkingDayCalendar;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody;
import cn.fpjc.core.platform.error.Versions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holiday schedules in the control database, loaded by a platform admin when the State Council publishes a year.
 * The request path reads them from memory: reloaded after a change here at once, and every
 * {@code fpjc.calendar.refresh} (30 s) so that a year loaded on another replica arrives there too.
 */
@ApplicationScoped
public class HolidayScheduleService implements HolidayScheduleStore {
    @Inject
    AppClock clock;

    @Inject
    PlatformAudit audit;

    @Inject
    WorkingDayCalendar calendar;

    @ConfigProperty(name = "fpjc.calendar.refresh", defaultValue = "30s")
    Duration refresh;

    private volatile List<HolidaySchedule> loaded;
    private volatile long loadedAt;

    public record ScheduleView(int year, List<LocalDate> daysOff, List<LocalDate> workingWeekends, String notice, String origin,
            String setBy, Instant setAt, Long version) {
    }

    /**
     * {@code version}: the one read, required when the year was already loaded here (optimistic lock); absent for a year
     * that only the release bundles or nobody has loaded.
     */
    public record SetRequest(List<LocalDate> daysOff, List<LocalDate> workingWeekends, String notice, Long version) {
    }

    @Override
    public List<HolidaySchedule> loaded() {
        List<HolidaySchedule> current = loaded;
        if (current == null || System.nanoTime() - loadedAt > refresh.toNanos()) {
            current = QuarkusTransaction.requiringNew().call(() -> HolidayScheduleRow.<HolidayScheduleRow>listAll().stream()
                    .map(HolidayScheduleService::schedule).toList());
            loaded = current;
            loadedAt = System.nanoTime();
        }
        return current;
    }

    /** Every year the calendar knows, newest first, with where it comes from (bundled with the release or loaded). */
    public List<ScheduleView> list() {
        Map<Integer, HolidayScheduleRow> rows = QuarkusTransaction.requiringNew()
                .call(() -> HolidayScheduleRow.<HolidayScheduleRow>listAll().stream().collect(Collectors.toMap(r -> r.year, r -> r)));
        return calendar.years().values().stream().sorted(Comparator.comparingInt(HolidaySchedule::year).reversed()).map(s -> {
            HolidayScheduleRow r = rows.get(s.year());
            return new ScheduleView(s.year(), s.daysOff(), s.workingWeekends(), s.notice(), r == null ? "随程序提供" : "平台载入",
                    r == null ? null : r.setBy, r == null ? null : r.setAt, r == null ? null : r.version);
        }).toList();
    }

    /** Loads (or replaces) one year's schedule; checked as a whole, audited. */
    public ScheduleView set(String actor, int year, SetRequest request) {
        if (request == null) {
            throw new ApiException(PlatformError.CALENDAR_SCHEDULE_INVALID, "请提交放假日期、调休上班日期和依据的通知");
        }
        HolidaySchedule schedule = new HolidaySchedule(year, request.daysOff(), request.workingWeekends(),
                request.notice() == null ? null : request.notice().strip());
        List<String> problems = schedule.problems();
        if (!problems.isEmpty()) {
            throw new ApiException(PlatformError.CALENDAR_SCHEDULE_INVALID, String.join("；", problems));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            HolidayScheduleRow row = HolidayScheduleRow.findById(year);
            if (row != null) {
                if (request.version() == null) {
                    throw new ApiException(PlatformError.VALIDATION_FAILED, year + " 年的放假安排已由平台载入，修改时请带上读取时的版本号",
                            List.of(new ErrorBody.FieldError("version", "该年度已载入：请带上读取时的版本号（version），以免覆盖他人的修改")));
                }
                Versions.check(row.version, request.version());
            }
            Map<String, Object> before = row == null ? null : Map.of("daysOff", row.daysOff, "workingWeekends", row.workingWeekends,
                    "notice", row.notice);
            if (row == null) {
                row = new HolidayScheduleRow();
                row.year = year;
            }
            row.daysOff = join(schedule.daysOff());
            row.workingWeekends = join(schedule.workingWeekends());
            row.notice = schedule.notice();
            row.setBy = actor;
            row.setAt = clock.now();
            row.persistAndFlush();
            audit.record(actor, before == null ? "SET" : "UPDATE", "holiday_schedule", String.valueOf(year), before,
                    Map.of("daysOff", row.daysOff, "workingWeekends", row.workingWeekends, "notice", row.notice));
        });
        loaded = null; // read again on the next use
        return list().stream().filter(v -> v.year() == year).findFirst().orElseThrow();
    }

    private static String join(List<LocalDate> dates) {
        return dates.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    private static HolidaySchedule schedule(HolidayScheduleRow r) {
        return new HolidaySchedule(r.year, split(r.daysOff), split(r.workingWeekends), r.notice);
    }

    private static List<LocalDate> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(LocalDate::parse).toList();
    }
}
