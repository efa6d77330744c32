package cn.fpjc.core.funds.spending;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.NavigableMap;

/**
 * The arithmetic of 支出进度, kept apart from the database so that it can be checked by itself. Progress at date D for fund
 * year Y = payments (reversals subtracted) paid on or before D from year-Y allocations ÷ year-Y allocations received on or
 * before D, as a percent to 2 decimals, HALF_UP; none when nothing was received. Source: 000 衔接资金使用管理 一、4.
 */
public final class ProgressRules {
    /** The rule as people read it (shown with the figures). */
    public static final String RULE = "支出进度 = 截至当日已支付金额（冲销已扣除）÷ 截至当日已到账的本年度资金指标金额 × 100%，保留两位小数（四舍五入）；"
            + "只计本年度资金指标文件的资金。检查点按本省设定的比例判断，本省未设定的检查点不作判断。";

    /** A checkpoint parameter and the day of the fund year it falls on. */
    public record Point(String key, String label, MonthDay due) {
        public LocalDate dueIn(int year) {
            return due.atYear(year);
        }
    }

    /** The province's checkpoints, in date order (funds.progress.*). */
    public static final List<Point> POINTS = List.of(
            new Point("funds.progress.end-apr", "4月末", MonthDay.of(4, 30)),
            new Point("funds.progress.end-jun", "6月末", MonthDay.of(6, 30)),
            new Point("funds.progress.mid-jul", "7月中旬", MonthDay.of(7, 15)),
            new Point("funds.progress.end-sep", "9月末", MonthDay.of(9, 30)),
            new Point("funds.progress.mid-oct", "10月中旬", MonthDay.of(10, 15)),
            new Point("funds.progress.year-end", "12月底", MonthDay.of(12, 31)));

    private ProgressRules() {
    }

    /** paid ÷ received as a percent to 2 decimals HALF_UP, or null when nothing was received. */
    public static BigDecimal percent(BigDecimal paid, BigDecimal received) {
        if (received == null || received.signum() <= 0) {
            return null;
        }
        return paid.multiply(BigDecimal.valueOf(100)).divide(received, 2, RoundingMode.HALF_UP);
    }

    /** The running sum up to and including {@code day} of amounts by date. */
    public static BigDecimal upTo(NavigableMap<LocalDate, BigDecimal> byDate, LocalDate day) {
        BigDecimal s = BigDecimal.ZERO.setScale(2);
        for (BigDecimal v : byDate.headMap(day, true).values()) {
            s = s.add(v);
        }
        return s;
    }

    /** Met when the actual reaches the target; null (not judged) when either is missing. */
    public static Boolean met(BigDecimal actual, BigDecimal target) {
        if (target == null) {
            return null;
        }
        return actual != null && actual.compareTo(target) >= 0;
    }
}
