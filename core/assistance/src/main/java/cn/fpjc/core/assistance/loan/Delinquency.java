package cn.fpjc.core.assistance.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How late a loan is and the county's overdue rate. Payments are applied to instalments in order (oldest first): a loan
 * is overdue from the due date of the first instalment (principal + interest) that what was paid does not cover, counted
 * in calendar days from the day after that due date. The overdue rate is the outstanding principal of overdue loans over
 * the outstanding principal of all running loans, in percent, half up to 2 decimals (逾期率 = 逾期贷款余额 ÷ 贷款余额).
 */
public final class Delinquency {
    private Delinquency() {
    }

    /** {@code overdueSince}: the due date of the oldest unpaid instalment, null when nothing is past due. */
    public record State(LocalDate overdueSince, long daysOverdue, DelinquencyBucket bucket) {
    }

    public record Due(LocalDate dueOn, BigDecimal amount) {
    }

    public static State of(List<Due> scheduleInOrder, BigDecimal paid, LocalDate today) {
        BigDecimal cumulative = BigDecimal.ZERO;
        for (Due d : scheduleInOrder) {
            cumulative = cumulative.add(d.amount());
            if (!d.dueOn().isBefore(today)) {
                break;
            }
            if (paid.compareTo(cumulative) < 0) {
                long days = ChronoUnit.DAYS.between(d.dueOn(), today);
                return new State(d.dueOn(), days, DelinquencyBucket.of(days));
            }
        }
        return new State(null, 0, DelinquencyBucket.CURRENT);
    }

    /** Overdue ÷ outstanding in percent (2 decimals, half up); null when nothing is outstanding. */
    public static BigDecimal rate(BigDecimal overdueBalance, BigDecimal outstandingBalance) {
        if (outstandingBalance.signum() <= 0) {
            return null;
        }
        return overdueBalance.multiply(BigDecimal.valueOf(100)).divide(outstandingBalance, 2, RoundingMode.HALF_UP);
    }

    /** Whether overdue ÷ outstanding is above the limit (percent), compared exactly, before any rounding. */
    public static boolean exceeds(BigDecimal overdueBalance, BigDecimal outstandingBalance, BigDecimal limitPercent) {
        return outstandingBalance.signum() > 0 && limitPercent != null
                && overdueBalance.multiply(BigDecimal.valueOf(100)).compareTo(outstandingBalance.multiply(limitPercent)) > 0;
    }
}
