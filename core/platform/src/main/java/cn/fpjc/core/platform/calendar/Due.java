package cn.fpjc.core.platform.calendar;

import java.time.LocalDate;

/**
 * A due date and the rule that produced it, in Chinese, for the screens ("自2024年9月27日起5个工作日（不含当日）…").
 *
 * @param extended true when a calendar-day period ended on a rest day and was moved to the next working day
 */
public record Due(LocalDate date, String rule, boolean extended) {
    /** The deadline badge of an unfinished task due on {@code due}: 期限待定 / 已逾期 / 即将到期 (within two days) / 未到期. */
    public static String state(LocalDate due, LocalDate today) {
        return due == null ? "期限待定" : due.isBefore(today) ? "已逾期" : !due.isAfter(today.plusDays(2)) ? "即将到期" : "未到期";
    }
}
