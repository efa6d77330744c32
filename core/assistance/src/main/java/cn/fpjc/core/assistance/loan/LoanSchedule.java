package cn.fpjc.core.assistance.loan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * LoanRepaymentInput schedules and their interest subsidy (贴息), in yuan to the fen.
 *
 * <p>Rounding rule: every amount is rounded once, half up to the fen (四舍五入到分, {@link RoundingMode#HALF_UP}), from
 * exact decimal arithmetic: a period's interest is {@code balance × annual rate % × months ÷ 1200}; its subsidy is
 * {@code min(balance, subsidised part) × annual rate % × months × share % ÷ 120000} (so at a 100 % share on a fully
 * subsidised balance the subsidy equals the interest to the fen). The equal instalment is the annuity
 * {@code P·r(1+r)ⁿ / ((1+r)ⁿ − 1)}, r = rate ÷ 1200, computed to 20 significant digits and rounded half up to the fen;
 * each period's principal is the instalment less that period's interest, and the last period's principal is whatever is
 * left, so the principal always sums exactly to the amount.
 *
 * <p>Due dates are the start date plus whole months (a month-end start keeps to the month's end, e.g. 31 Jan → 28/29 Feb).
 * Quarterly interest: every 3 months, the last period shorter when the term is not whole quarters.
 */
public final class LoanSchedule {
    private static final BigDecimal HUNDRED_TWELVE = BigDecimal.valueOf(1200);
    private static final BigDecimal SUBSIDY_DIVISOR = BigDecimal.valueOf(120000);

    private LoanSchedule() {
    }

    /** One period: when it is due, the principal outstanding at its start, what is due, and the government's share of the interest. */
    public record Instalment(int seq, LocalDate dueOn, int months, BigDecimal openingBalance, BigDecimal principal, BigDecimal interest,
            BigDecimal subsidy) {
        public BigDecimal payment() {
            return principal.add(interest);
        }

        /** What the borrower pays after the subsidy. */
        public BigDecimal borrowerInterest() {
            return interest.subtract(subsidy);
        }
    }

    /**
     * @param amount       principal (yuan, ≤ 2 decimals)
     * @param annualRate   annual rate in percent (e.g. 3.45)
     * @param termMonths   term in whole months
     * @param start        disbursement (or renewal) date
     * @param subsidyCap   the part of the principal whose interest is subsidised (0: none)
     * @param sharePercent percent of the subsidised interest the government pays (100 = 全额贴息)
     */
    public static List<Instalment> build(RepaymentMethod method, BigDecimal amount, BigDecimal annualRate, int termMonths, LocalDate start,
            BigDecimal subsidyCap, BigDecimal sharePercent) {
        if (amount.signum() <= 0 || termMonths < 1 || annualRate.signum() < 0) {
            throw new IllegalArgumentException("amount > 0, term ≥ 1 month, rate ≥ 0");
        }
        return method == RepaymentMethod.QUARTERLY_INTEREST ? quarterly(amount, annualRate, termMonths, start, subsidyCap, sharePercent)
                : equal(amount, annualRate, termMonths, start, subsidyCap, sharePercent);
    }

    private static List<Instalment> quarterly(BigDecimal amount, BigDecimal rate, int term, LocalDate start, BigDecimal cap, BigDecimal share) {
        List<Instalment> out = new ArrayList<>();
        int seq = 0;
        for (int from = 0; from < term; from += 3) {
            int months = Math.min(3, term - from);
            boolean last = from + months >= term;
            out.add(new Instalment(++seq, start.plusMonths(from + months), months, amount, last ? amount : zero(), interest(amount, rate, months),
                    subsidy(amount, rate, months, cap, share)));
        }
        return out;
    }

    private static List<Instalment> equal(BigDecimal amount, BigDecimal rate, int term, LocalDate start, BigDecimal cap, BigDecimal share) {
        BigDecimal payment = instalment(amount, rate, term);
        List<Instalment> out = new ArrayList<>();
        BigDecimal balance = amount;
        for (int k = 1; k <= term; k++) {
            BigDecimal interest = interest(balance, rate, 1);
            BigDecimal principal = k == term ? balance : payment.subtract(interest).min(balance);
            out.add(new Instalment(k, start.plusMonths(k), 1, balance, principal, interest, subsidy(balance, rate, 1, cap, share)));
            balance = balance.subtract(principal);
        }
        return out;
    }

    /** The equal monthly instalment (等额本息), rounded half up to the fen. */
    public static BigDecimal instalment(BigDecimal amount, BigDecimal annualRate, int term) {
        if (annualRate.signum() == 0) {
            return amount.divide(BigDecimal.valueOf(term), 2, RoundingMode.HALF_UP);
        }
        MathContext mc = new MathContext(20, RoundingMode.HALF_EVEN);
        BigDecimal r = annualRate.divide(HUNDRED_TWELVE, mc);
        BigDecimal growth = BigDecimal.ONE.add(r).pow(term, mc);
        return amount.multiply(r).multiply(growth).divide(growth.subtract(BigDecimal.ONE), mc).setScale(2, RoundingMode.HALF_UP);
    }

    /** balance × rate % × months ÷ 12, half up to the fen. */
    public static BigDecimal interest(BigDecimal balance, BigDecimal annualRate, int months) {
        return balance.multiply(annualRate).multiply(BigDecimal.valueOf(months)).divide(HUNDRED_TWELVE, 2, RoundingMode.HALF_UP);
    }

    /** min(balance, subsidised part) × rate % × months ÷ 12 × share %, half up to the fen. */
    public static BigDecimal subsidy(BigDecimal balance, BigDecimal annualRate, int months, BigDecimal cap, BigDecimal sharePercent) {
        if (cap == null || cap.signum() <= 0 || sharePercent == null || sharePercent.signum() <= 0) {
            return zero();
        }
        return balance.min(cap).multiply(annualRate).multiply(BigDecimal.valueOf(months)).multiply(sharePercent)
                .divide(SUBSIDY_DIVISOR, 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal total(List<Instalment> schedule, java.util.function.Function<Instalment, BigDecimal> part) {
        return schedule.stream().map(part).reduce(zero(), BigDecimal::add);
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
