package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.registry.HouseholdCategory;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A loan programme as data: every limit with the parameter it came from (key, label, value as written, source), so that
 * the engine ({@link LoanRules}, {@link LoanSchedule}, {@link Delinquency}) never knows which programme it runs.
 * 脱贫人口小额信贷 is built by {@link LoanProducts#micro}; 富农产业贷 (a plug-in programme: 3,000–200,000, ≤ 5 years,
 * rate ≤ LPR, one 无还本续贷) is another instance of the same record, built from its programme.funong-loan.* parameters.
 * A null rule means the product has no such limit (e.g. no rate cap, no add-on).
 *
 * @param minAmount       smallest amount of a loan (null: any amount above 0)
 * @param maxAmount       largest amount of a household's first loan
 * @param maxAmountWithAddOn largest total of a household's loans with a top-up (追加); null: no top-up
 * @param maxYears        longest term, whole years
 * @param rateCap         highest annual rate in percent; null: the bank's rate is recorded as given
 * @param renewalsMax     how many renewals or extensions a loan may have
 * @param renewalKinds    which kinds ({@code renewalKindsSource} says where from)
 * @param subsidisedUpTo  the part of a household's loans whose interest is subsidised; null: no subsidy
 * @param subsidyShare    percent of that part's interest the government pays
 * @param borrowerAge     text like 18—65 (whole years, both ends included); null: no age rule
 * @param categories      household categories that may borrow ({@code categoriesSource} says where from)
 * @param overdueRateMax  the county overdue rate limit in percent; null: none
 */
public record LoanProduct(String code, String label, LoanRule minAmount, LoanRule maxAmount, LoanRule maxAmountWithAddOn, LoanRule maxYears, LoanRule rateCap,
        LoanRule renewalsMax, Set<RenewalKind> renewalKinds, String renewalKindsSource, LoanRule subsidisedUpTo, LoanRule subsidyShare, LoanRule borrowerAge,
        Set<HouseholdCategory> categories, String categoriesSource, LoanRule overdueRateMax) {

    /** One limit and where it comes from: the parameter's key and label, its value as written, and its source. */
    public record LoanRule(String key, String label, String value, String source) {
        public BigDecimal decimal() {
            try {
                return new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw new cn.fpjc.core.platform.error.ApiException(LoanError.LOAN_PRODUCT_PARAMETER_INVALID, "「" + label + "」：" + value);
            }
        }

        public int whole() {
            return decimal().intValueExact();
        }

        /** 「label」value（出处：source）— how refusals name the rule. */
        public String cite() {
            return "「" + label + "」" + value + "（出处：" + citation() + "）";
        }

        /** The source as people read it (document title and number). */
        public String citation() {
            return cn.fpjc.core.policy.source.PolicySources.forPeople(source);
        }
    }

    /** The borrower age range, both ends included, from a text like "18—65" (also 18-65, 18–65, 18~65). */
    public int[] ageRange() {
        String[] parts = borrowerAge.value().strip().split("\\s*[—–\\-~～至]+\\s*");
        try {
            if (parts.length == 2) {
                int from = Integer.parseInt(parts[0]);
                int to = Integer.parseInt(parts[1]);
                if (from >= 0 && from <= to) {
                    return new int[] {from, to};
                }
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new cn.fpjc.core.platform.error.ApiException(LoanError.LOAN_PRODUCT_PARAMETER_INVALID,
                "「" + borrowerAge.label() + "」应写作“18—65”，实际为“" + borrowerAge.value() + "”");
    }
}
