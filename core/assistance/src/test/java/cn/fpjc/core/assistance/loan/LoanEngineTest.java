package cn.fpjc.core.assistance.loan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.core.assistance.loan.LoanRules.LoanFinding;
import cn.fpjc.core.assistance.loan.LoanSchedule.Instalment;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.registry.HouseholdCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loan engine without a database: eligibility, schedules to the fen, 贴息, delinquency and the overdue rate. */
class LoanEngineTest {
    static final String SRC = "测试出处";

    static LoanProduct.LoanRule rule(String key, String label, String value) {
        return new LoanProduct.LoanRule(key, label, value, SRC + " " + key);
    }

    /** 脱贫人口小额信贷 as the national parameters describe it, with the given subsidy share. */
    static LoanProduct micro(String share) {
        return new LoanProduct("micro", "脱贫人口小额信贷", null, rule("loan.micro.max-amount", "单户额度", "50000"),
                rule("loan.micro.max-amount-with-addon", "追加后单户额度", "100000"), rule("loan.micro.max-years", "期限", "3"), null,
                rule("loan.micro.renewals-max", "续贷或展期次数", "1"), EnumSet.of(RenewalKind.RENEWAL, RenewalKind.EXTENSION), SRC,
                rule("loan.micro.full-subsidy-up-to", "全额贴息额度", "50000"), rule("loan.micro.subsidy-share", "贴息比例", share),
                rule("loan.micro.borrower-age", "借款人年龄", "18—65"), EnumSet.of(HouseholdCategory.POVERTY_ALLEVIATED, HouseholdCategory.MONITORED),
                "类别出处", rule("loan.micro.overdue-rate-max", "逾期率", "1"));
    }

    /** 富农产业贷 on the same engine: a data change, not code (3,000–200,000, ≤ 5 years, rate cap, no top-up). */
    static LoanProduct funong() {
        return new LoanProduct("funong", "富农产业贷", rule("programme.funong-loan.min-amount", "起点额度", "3000"),
                rule("programme.funong-loan.max-amount", "最高额度", "200000"), null, rule("programme.funong-loan.max-years", "期限", "5"),
                rule("rate-cap", "利率上限（LPR）", "3.45"), rule("programme.funong-loan.no-principal-renewals-max", "无还本续贷次数", "1"),
                EnumSet.of(RenewalKind.NO_PRINCIPAL_RENEWAL), SRC, null, null, null, EnumSet.allOf(HouseholdCategory.class), "试点县农户", null);
    }

    static BigDecimal m(String v) {
        return new BigDecimal(v);
    }

    static final LocalDate BIRTH = LocalDate.of(1980, 6, 15);

    static List<LoanFinding> borrower(LocalDate appliedOn, HouseholdCategory c) {
        return LoanRules.borrower(micro("100"), BIRTH, appliedOn, c);
    }

    @Test
    void borrowerAgeIsCountedInWholeYearsOnTheApplicationDateBothEndsIncluded() {
        // 17: the day before the 18th birthday; 18: on it; 65: the day before the 66th birthday; 66: on it.
        LocalDate b17 = LocalDate.of(2007, 6, 16);
        LocalDate b18 = LocalDate.of(2007, 6, 15);
        LocalDate on = LocalDate.of(2025, 6, 15);
        assertEquals(17, LoanRules.ageOn(b17, on));
        assertEquals("BORROWER_AGE", LoanRules.borrower(micro("100"), b17, on, HouseholdCategory.POVERTY_ALLEVIATED).get(0).rule());
        assertTrue(LoanRules.borrower(micro("100"), b18, on, HouseholdCategory.POVERTY_ALLEVIATED).isEmpty());
        LocalDate b65 = LocalDate.of(1959, 6, 16);
        LocalDate b66 = LocalDate.of(1959, 6, 15);
        assertEquals(65, LoanRules.ageOn(b65, on));
        assertTrue(LoanRules.borrower(micro("100"), b65, on, HouseholdCategory.MONITORED).isEmpty());
        List<LoanFinding> old = LoanRules.borrower(micro("100"), b66, on, HouseholdCategory.MONITORED);
        assertEquals(1, old.size());
        assertEquals("loan.micro.borrower-age", old.get(0).parameter());
        assertTrue(old.get(0).message().contains("年满66周岁"), old.get(0).message());
        assertTrue(old.get(0).message().contains("「借款人年龄」18—65（出处：测试出处 loan.micro.borrower-age）"), old.get(0).message());
    }

    @Test
    void onlyPovertyAlleviatedAndMonitoredHouseholdsMayBorrow() {
        LocalDate on = LocalDate.of(2025, 1, 2);
        assertTrue(borrower(on, HouseholdCategory.POVERTY_ALLEVIATED).isEmpty());
        assertTrue(borrower(on, HouseholdCategory.MONITORED).isEmpty());
        List<LoanFinding> f = borrower(on, HouseholdCategory.ORDINARY);
        assertEquals("HOUSEHOLD_CATEGORY", f.get(0).rule());
        assertTrue(f.get(0).message().contains("一般农户") && f.get(0).message().contains("类别出处"), f.get(0).message());
    }

    @Test
    void theAgeRangeIsReadFromTheParameterTextAndABadTextIsRefusedNotGuessed() {
        LoanProduct p = micro("100");
        assertEquals(18, p.ageRange()[0]);
        assertEquals(65, p.ageRange()[1]);
        LoanProduct bad = new LoanProduct(p.code(), p.label(), null, p.maxAmount(), p.maxAmountWithAddOn(), p.maxYears(), null, p.renewalsMax(),
                p.renewalKinds(), SRC, p.subsidisedUpTo(), p.subsidyShare(), rule("loan.micro.borrower-age", "借款人年龄", "成年人"), p.categories(), SRC,
                null);
        ApiException e = assertThrows(ApiException.class, bad::ageRange);
        assertEquals(LoanError.LOAN_PRODUCT_PARAMETER_INVALID, e.code());
    }

    @Test
    void amountsTermsAndTopUpsFollowTheProductsLimits() {
        LoanProduct p = micro("100");
        assertTrue(LoanRules.terms(p, m("50000"), 36, m("3.45"), BigDecimal.ZERO).isEmpty());
        assertEquals("MAX_AMOUNT", LoanRules.terms(p, m("50000.01"), 36, m("3.45"), BigDecimal.ZERO).get(0).rule());
        assertEquals("MAX_YEARS", LoanRules.terms(p, m("50000"), 37, m("3.45"), BigDecimal.ZERO).get(0).rule());
        // A top-up: 50,000 held, 50,000 more is the most.
        assertTrue(LoanRules.terms(p, m("50000"), 12, m("3.45"), m("50000")).isEmpty());
        LoanFinding over = LoanRules.terms(p, m("50000.01"), 12, m("3.45"), m("50000")).get(0);
        assertEquals("MAX_AMOUNT_WITH_ADDON", over.rule());
        assertEquals("loan.micro.max-amount-with-addon", over.parameter());
        // The subsidised part of a top-up is what is left of 50,000 after the household's other loans.
        assertEquals(m("0.00"), LoanRules.subsidyCap(p, m("10000"), m("50000")));
        assertEquals(m("20000.00"), LoanRules.subsidyCap(p, m("40000"), m("30000")));
        assertEquals(m("50000.00"), LoanRules.subsidyCap(p, m("60000"), BigDecimal.ZERO));
    }

    @Test
    void theSameEngineRunsFunongLoansFromTheirData() {
        LoanProduct f = funong();
        assertEquals("MIN_AMOUNT", LoanRules.terms(f, m("2999.99"), 12, m("3.00"), BigDecimal.ZERO).get(0).rule());
        assertTrue(LoanRules.terms(f, m("200000"), 60, m("3.45"), BigDecimal.ZERO).isEmpty());
        assertEquals("MAX_YEARS", LoanRules.terms(f, m("200000"), 61, m("3.45"), BigDecimal.ZERO).get(0).rule());
        assertEquals("RATE_CAP", LoanRules.terms(f, m("100000"), 12, m("3.46"), BigDecimal.ZERO).get(0).rule());
        assertEquals("ADD_ON", LoanRules.terms(f, m("10000"), 12, m("3.00"), m("5000")).get(0).rule());
        assertTrue(LoanRules.borrower(f, LocalDate.of(1940, 1, 1), LocalDate.of(2025, 1, 1), HouseholdCategory.ORDINARY).isEmpty());
        assertEquals(m("0.00"), LoanRules.subsidyCap(f, m("100000"), BigDecimal.ZERO));
    }

    @Test
    void quarterlyInterestWithPrincipalAtMaturity() {
        // 50,000 at 3.45 % for 3 years: each quarter 50,000 × 3.45 % × 3/12 = 431.25; 12 quarters; principal at the end.
        List<Instalment> s = LoanSchedule.build(RepaymentMethod.QUARTERLY_INTEREST, m("50000"), m("3.45"), 36, LocalDate.of(2024, 3, 15),
                m("50000"), m("100"));
        assertEquals(12, s.size());
        assertEquals(LocalDate.of(2024, 6, 15), s.get(0).dueOn());
        assertEquals(LocalDate.of(2027, 3, 15), s.get(11).dueOn());
        s.forEach(i -> assertEquals(m("431.25"), i.interest()));
        assertEquals(m("50000"), LoanSchedule.total(s, Instalment::principal).stripTrailingZeros().setScale(0));
        assertEquals(m("0.00"), s.get(10).principal());
        assertEquals(m("5175.00"), LoanSchedule.total(s, Instalment::interest));
        // 全额贴息: the subsidy is the interest, to the fen.
        assertEquals(LoanSchedule.total(s, Instalment::interest), LoanSchedule.total(s, Instalment::subsidy));
    }

    @Test
    void aTermOfPartQuartersEndsWithAShorterPeriod() {
        // 14 months: 3+3+3+3+2; the last period's interest is two months' (20,000 × 4 % × 2/12 = 133.33).
        List<Instalment> s = LoanSchedule.build(RepaymentMethod.QUARTERLY_INTEREST, m("20000"), m("4"), 14, LocalDate.of(2024, 1, 31),
                BigDecimal.ZERO, m("100"));
        assertEquals(5, s.size());
        assertEquals(m("200.00"), s.get(0).interest());
        assertEquals(m("133.33"), s.get(4).interest());
        assertEquals(LocalDate.of(2025, 3, 31), s.get(4).dueOn());
        assertEquals(LocalDate.of(2024, 4, 30), s.get(0).dueOn());
        assertEquals(m("0.00"), LoanSchedule.total(s, Instalment::subsidy));
    }

    @Test
    void equalInstalmentsSumToTheAmountWithInterestToTheFen() {
        // The textbook case: 10,000 at 4.35 % over 12 months is 853.10 a month; the last instalment takes the rounding.
        assertEquals(m("853.10"), LoanSchedule.instalment(m("10000"), m("4.35"), 12));
        List<Instalment> s = LoanSchedule.build(RepaymentMethod.EQUAL_INSTALMENTS, m("10000"), m("4.35"), 12, LocalDate.of(2024, 5, 10),
                m("10000"), m("100"));
        assertEquals(12, s.size());
        assertEquals(m("36.25"), s.get(0).interest()); // 10,000 × 4.35 % ÷ 12
        assertEquals(m("816.85"), s.get(0).principal());
        assertEquals(m("9183.15"), s.get(1).openingBalance());
        for (int k = 0; k < 11; k++) {
            assertEquals(m("853.10"), s.get(k).payment());
        }
        assertEquals(m("853.09"), s.get(11).payment());
        assertEquals(m("10000.00"), LoanSchedule.total(s, Instalment::principal));
        assertEquals(m("237.19"), LoanSchedule.total(s, Instalment::interest));
        s.forEach(i -> assertEquals(2, i.interest().scale()));
        // An odd amount and term still sums exactly.
        List<Instalment> odd = LoanSchedule.build(RepaymentMethod.EQUAL_INSTALMENTS, m("33333.33"), m("3.85"), 35, LocalDate.of(2024, 1, 31),
                BigDecimal.ZERO, m("100"));
        assertEquals(m("33333.33"), LoanSchedule.total(odd, Instalment::principal));
        assertEquals(LocalDate.of(2024, 2, 29), odd.get(0).dueOn());
    }

    @Test
    void subsidyAtSeventyPercentRoundsHalfUpPerPeriod() {
        // 50,000 × 3.45 % × 3/12 × 70 % = 301.875 → 301.88 each quarter.
        List<Instalment> s = LoanSchedule.build(RepaymentMethod.QUARTERLY_INTEREST, m("50000"), m("3.45"), 36, LocalDate.of(2024, 3, 15),
                m("50000"), m("70"));
        s.forEach(i -> assertEquals(m("301.88"), i.subsidy()));
        s.forEach(i -> assertEquals(m("129.37"), i.borrowerInterest()));
        assertEquals(m("3622.56"), LoanSchedule.total(s, Instalment::subsidy));
    }

    @Test
    void sixtyThousandWithOnlyFiftyThousandSubsidised() {
        // Interest on 60,000: 517.50 a quarter; the subsidy covers the first 50,000 only: 431.25; the borrower pays 86.25.
        List<Instalment> s = LoanSchedule.build(RepaymentMethod.QUARTERLY_INTEREST, m("60000"), m("3.45"), 12, LocalDate.of(2024, 3, 15),
                LoanRules.subsidyCap(micro("100"), m("60000"), BigDecimal.ZERO), m("100"));
        s.forEach(i -> assertEquals(m("517.50"), i.interest()));
        s.forEach(i -> assertEquals(m("431.25"), i.subsidy()));
        s.forEach(i -> assertEquals(m("86.25"), i.borrowerInterest()));
        // With equal instalments the subsidy follows the falling balance: full once the balance is 50,000 or less.
        List<Instalment> e = LoanSchedule.build(RepaymentMethod.EQUAL_INSTALMENTS, m("60000"), m("3.45"), 36, LocalDate.of(2024, 3, 15),
                m("50000"), m("100"));
        assertEquals(m("143.75"), e.get(0).subsidy()); // 50,000 × 3.45 % ÷ 12
        assertEquals(m("172.50"), e.get(0).interest()); // 60,000 × 3.45 % ÷ 12
        Instalment later = e.stream().filter(i -> i.openingBalance().compareTo(m("50000")) <= 0).findFirst().orElseThrow();
        assertEquals(later.interest(), later.subsidy());
    }

    @Test
    void delinquencyCountsDaysFromTheOldestUncoveredInstalment() {
        List<Delinquency.Due> due = List.of(new Delinquency.Due(LocalDate.of(2025, 1, 10), m("100")), new Delinquency.Due(LocalDate.of(2025, 4, 10),
                m("100")), new Delinquency.Due(LocalDate.of(2025, 7, 10), m("1100")));
        assertNull(Delinquency.of(due, m("0"), LocalDate.of(2025, 1, 10)).overdueSince()); // due today: not yet late
        Delinquency.State one = Delinquency.of(due, m("0"), LocalDate.of(2025, 1, 11));
        assertEquals(1, one.daysOverdue());
        assertEquals(DelinquencyBucket.DAYS_1_30, one.bucket());
        assertEquals(DelinquencyBucket.DAYS_31_90, Delinquency.of(due, m("0"), LocalDate.of(2025, 2, 10)).bucket()); // 31 days
        // The first instalment paid: late from the second one.
        Delinquency.State second = Delinquency.of(due, m("100"), LocalDate.of(2025, 7, 9));
        assertEquals(LocalDate.of(2025, 4, 10), second.overdueSince());
        assertEquals(90, second.daysOverdue());
        assertEquals(DelinquencyBucket.DAYS_31_90, second.bucket());
        assertEquals(DelinquencyBucket.DAYS_91_180, Delinquency.of(due, m("100"), LocalDate.of(2025, 7, 10)).bucket());
        assertEquals(DelinquencyBucket.OVER_180, Delinquency.of(due, m("199.99"), LocalDate.of(2025, 10, 8)).bucket()); // 181 days
        assertEquals(DelinquencyBucket.CURRENT, Delinquency.of(due, m("1300"), LocalDate.of(2026, 1, 1)).bucket());
        assertEquals(DelinquencyBucket.DAYS_91_180, DelinquencyBucket.of(180));
        assertEquals(DelinquencyBucket.OVER_180, DelinquencyBucket.of(181));
    }

    @Test
    void overdueRateAgainstTheOnePercentLimit() {
        // 1,000,000 outstanding of which one 10,000 loan is overdue: exactly 1 %, not above the limit; one fen more is.
        assertEquals(m("1.00"), Delinquency.rate(m("10000"), m("1000000")));
        assertFalse(Delinquency.exceeds(m("10000"), m("1000000"), m("1")));
        assertTrue(Delinquency.exceeds(m("10000.01"), m("1000000"), m("1")));
        assertEquals(m("1.00"), Delinquency.rate(m("10000.01"), m("1000000"))); // the shown rate rounds, the comparison does not
        assertEquals(m("33.33"), Delinquency.rate(m("1"), m("3")));
        assertNull(Delinquency.rate(m("0"), m("0")));
    }
}
