package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.registry.HouseholdCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether an application fits its product: the borrower's age on the application date (whole years, both ends of the
 * range included: "18周岁（含）—65周岁（含）", so a 65-year-old qualifies until the day before turning 66), the household's
 * category, the amount (first loan ≤ max-amount; a top-up keeps the household's total ≤ max-amount-with-addon), the term
 * and the rate cap. Each refusal names its rule and the parameter's source.
 */
public final class LoanRules {
    private LoanRules() {
    }

    /** A failed rule: a stable rule id, the Chinese reason (naming the parameter and its source), the parameter key. */
    public record LoanFinding(String rule, String message, String parameter, String source) {
    }

    /**
     * @param heldByHousehold what the household's other approved or running loans of this product amount to (0: a first loan)
     */
    public record Application(LocalDate birthDate, LocalDate appliedOn, HouseholdCategory category, BigDecimal amount, int termMonths,
            BigDecimal annualRate, BigDecimal heldByHousehold) {
    }

    public static int ageOn(LocalDate birthDate, LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public static List<LoanFinding> borrower(LoanProduct p, LocalDate birthDate, LocalDate appliedOn, HouseholdCategory category) {
        List<LoanFinding> out = new ArrayList<>();
        if (p.borrowerAge() != null) {
            int[] range = p.ageRange();
            int age = ageOn(birthDate, appliedOn);
            if (age < range[0] || age > range[1]) {
                out.add(new LoanFinding("BORROWER_AGE", "借款人申请日（" + appliedOn + "）年满" + age + "周岁，不在" + p.borrowerAge().cite() + "之内",
                        p.borrowerAge().key(), p.borrowerAge().source()));
            }
        }
        if (!p.categories().contains(category)) {
            out.add(new LoanFinding("HOUSEHOLD_CATEGORY", "户类型为“" + category.label() + "”，本产品只面向"
                    + p.categories().stream().map(HouseholdCategory::label).collect(Collectors.joining("、")) + "（出处：" + p.categoriesSource() + "）",
                    null, p.categoriesSource()));
        }
        return out;
    }

    public static List<LoanFinding> check(LoanProduct p, Application a) {
        List<LoanFinding> out = borrower(p, a.birthDate(), a.appliedOn(), a.category());
        out.addAll(terms(p, a.amount(), a.termMonths(), a.annualRate(), a.heldByHousehold()));
        return out;
    }

    public static List<LoanFinding> terms(LoanProduct p, BigDecimal amount, int termMonths, BigDecimal annualRate, BigDecimal held) {
        List<LoanFinding> out = new ArrayList<>();
        BigDecimal other = held == null ? BigDecimal.ZERO : held;
        if (p.minAmount() != null && amount.compareTo(p.minAmount().decimal()) < 0) {
            out.add(new LoanFinding("MIN_AMOUNT", "贷款金额" + yuan(amount) + "元低于" + p.minAmount().cite(), p.minAmount().key(), p.minAmount().source()));
        }
        if (other.signum() == 0) {
            if (amount.compareTo(p.maxAmount().decimal()) > 0) {
                out.add(new LoanFinding("MAX_AMOUNT", "首笔贷款金额" + yuan(amount) + "元超过" + p.maxAmount().cite(), p.maxAmount().key(), p.maxAmount().source()));
            }
        } else if (p.maxAmountWithAddOn() == null) {
            out.add(new LoanFinding("ADD_ON", "该户已有未结清的本产品贷款" + yuan(other) + "元，本产品不能追加贷款", p.maxAmount().key(), p.maxAmount().source()));
        } else if (other.add(amount).compareTo(p.maxAmountWithAddOn().decimal()) > 0) {
            out.add(new LoanFinding("MAX_AMOUNT_WITH_ADDON", "该户已有未结清贷款" + yuan(other) + "元，追加" + yuan(amount) + "元后合计" + yuan(other.add(amount))
                    + "元，超过" + p.maxAmountWithAddOn().cite(), p.maxAmountWithAddOn().key(), p.maxAmountWithAddOn().source()));
        }
        int maxMonths = p.maxYears().whole() * 12;
        if (termMonths < 1 || termMonths > maxMonths) {
            out.add(new LoanFinding("MAX_YEARS", "贷款期限" + termMonths + "个月，应为1—" + maxMonths + "个月，依据" + p.maxYears().cite(),
                    p.maxYears().key(), p.maxYears().source()));
        }
        if (p.rateCap() != null && annualRate.compareTo(p.rateCap().decimal()) > 0) {
            out.add(new LoanFinding("RATE_CAP", "年利率" + annualRate.toPlainString() + "%高于" + p.rateCap().cite(), p.rateCap().key(),
                    p.rateCap().source()));
        }
        return out;
    }

    /** The part of this loan whose interest is subsidised: what is left of the product's subsidised amount after the household's other loans. */
    public static BigDecimal subsidyCap(LoanProduct p, BigDecimal amount, BigDecimal heldByHousehold) {
        if (p.subsidisedUpTo() == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal left = p.subsidisedUpTo().decimal().subtract(heldByHousehold == null ? BigDecimal.ZERO : heldByHousehold).max(BigDecimal.ZERO);
        return left.min(amount).setScale(2);
    }

    static String yuan(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
