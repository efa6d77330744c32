package cn.fpjc.core.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year of the State Council's holiday arrangement (国务院办公厅 部分节假日安排): the days off, and the weekend
 * days that are working days instead (调休上班). Every other Monday—Friday is a working day.
 *
 * @param notice the notice the dates come from (cited on every due date computed with them)
 */
public record HolidaySchedule(int year, List<LocalDate> daysOff, List<LocalDate> workingWeekends, String notice) {
    public HolidaySchedule {
        daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
        workingWeekends = workingWeekends == null ? List.of() : List.copyOf(workingWeekends);
    }

    /** What is wrong with the schedule (Chinese, one line each); empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            problems.add("年度 " + year + " 不合理");
        }
        if (notice == null || notice.isBlank()) {
            problems.add("请填写依据的通知（名称、文号或日期）");
        }
        if (daysOff.isEmpty()) {
            problems.add("放假日期不能为空");
        }
        Set<LocalDate> seen = new HashSet<>();
        for (LocalDate d : daysOff) {
            if (d.getYear() != year) {
                problems.add("放假日期 " + d + " 不在" + year + "年");
            }
            if (!seen.add(d)) {
                problems.add("放假日期 " + d + " 重复");
            }
        }
        for (LocalDate d : workingWeekends) {
            if (d.getYear() != year) {
                problems.add("调休上班日期 " + d + " 不在" + year + "年");
            }
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add("调休上班日期 " + d + " 不是周末");
            }
            if (!seen.add(d)) {
                problems.add("日期 " + d + " 既是放假日又是上班日，或重复");
            }
        }
        return problems;
    }
}
