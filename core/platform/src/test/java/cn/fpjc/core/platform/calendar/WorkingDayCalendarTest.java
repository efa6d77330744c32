package cn.fpjc.core.platform.calendar;

import cn.fpjc.core.platform.error.PlatformError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.core.platform.error.ApiException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Due dates on the State Council calendar: Civil Code counting, holidays, adjusted working weekends, missing years. */
class WorkingDayCalendarTest {
    final WorkingDayCalendar calendar = WorkingDayCalendar.bundledOnly();

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void fiveWorkingDaysStartedJustBeforeNationalDayRunOverTheWorkingSundayAndTheHoliday() {
        // Fri 27 Sep 2024: Sat 28 off, Sun 29 is a 调休 working day (1), Mon 30 (2), 1—7 Oct off, 8 (3), 9 (4), 10 (5).
        Due due = calendar.afterWorkingDays(d("2024-09-27"), 5);
        assertEquals(d("2024-10-10"), due.date());
        assertTrue(due.rule().contains("5个工作日（不含当日"), due.rule());
        assertTrue(due.rule().contains("国办发明电〔2023〕7号"), "the rule cites the notice: " + due.rule());
    }

    @Test
    void aCalendarDayPeriodEndingOnAHolidayMovesToTheNextWorkingDayUnlessCountedStrictly() {
        Due extended = calendar.afterDays(d("2024-09-26"), 5, true);
        assertEquals(d("2024-10-08"), extended.date());
        assertTrue(extended.extended());
        assertTrue(extended.rule().contains("2024年10月1日是法定休假日，顺延"), extended.rule());
        Due strict = calendar.afterDays(d("2024-09-26"), 5, false);
        assertEquals(d("2024-10-01"), strict.date());
        assertFalse(strict.extended());
        Due weekday = calendar.afterDays(d("2024-09-20"), 5, true);
        assertEquals(d("2024-09-25"), weekday.date());
        assertFalse(weekday.extended());
    }

    @Test
    void theFifteenDayClockEndingInSpringFestivalLandsOnTheAdjustedWorkingSunday() {
        // 1 Feb 2024 + 15 = 16 Feb (春节), 17 Feb (春节), 18 Feb is a Sunday worked in exchange.
        assertEquals(d("2024-02-18"), calendar.afterDays(d("2024-02-01"), 15, true).date());
        // 20 Jan 2025 + 10 = 30 Jan (春节 28 Jan—4 Feb): first working day is Wed 5 Feb.
        assertEquals(d("2025-02-05"), calendar.afterDays(d("2025-01-20"), 10, true).date());
    }

    @Test
    void workingDaysCrossTheNewYearIntoTheNextLoadedSchedule() {
        // Tue 30 Dec 2025: Wed 31 (1), 1—3 Jan 2026 off, Sun 4 Jan worked (2), Mon 5 (3).
        assertEquals(d("2026-01-05"), calendar.afterWorkingDays(d("2025-12-30"), 3).date());
        assertEquals(3, calendar.workingDaysBetween(d("2025-12-30"), d("2026-01-05")));
        assertTrue(calendar.isWorkingDay(d("2026-02-28")), "Sat 28 Feb 2026 is worked");
        assertFalse(calendar.isWorkingDay(d("2026-02-23")), "Mon 23 Feb 2026 is 春节");
    }

    @Test
    void aDateInAYearWithoutASchedulesIsRefusedNeverGuessed() {
        ApiException e = assertThrows(ApiException.class, () -> calendar.afterWorkingDays(d("2026-12-28"), 5));
        assertEquals(PlatformError.CALENDAR_YEAR_MISSING, e.code());
        assertTrue(e.humanMessage().contains("2027年的节假日安排尚未载入"), e.humanMessage());
        assertThrows(ApiException.class, () -> calendar.isWorkingDay(d("2023-06-01")));
    }

    @Test
    void theBundledYearsMatchTheNotices() {
        var years = calendar.years();
        assertEquals(28, years.get(2024).daysOff().size());
        assertEquals(28, years.get(2025).daysOff().size());
        assertEquals(33, years.get(2026).daysOff().size());
        assertEquals(List.of(d("2026-01-04"), d("2026-02-14"), d("2026-02-28"), d("2026-05-09"), d("2026-09-20"), d("2026-10-10")),
                years.get(2026).workingWeekends());
    }

    @Test
    void aScheduleIsCheckedAsAWhole() {
        HolidaySchedule bad = new HolidaySchedule(2027, List.of(d("2027-01-01"), d("2027-01-01"), d("2026-12-31")),
                List.of(d("2027-01-06")), " ");
        List<String> problems = bad.problems();
        assertTrue(problems.contains("请填写依据的通知（名称、文号或日期）"), problems.toString());
        assertTrue(problems.contains("放假日期 2027-01-01 重复"), problems.toString());
        assertTrue(problems.contains("放假日期 2026-12-31 不在2027年"), problems.toString());
        assertTrue(problems.contains("调休上班日期 2027-01-06 不是周末"), problems.toString());
        assertTrue(new HolidaySchedule(2027, List.of(d("2027-01-01")), List.of(), "通知").problems().isEmpty());
    }
}
