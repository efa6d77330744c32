package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterOrigin;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The parameters in force for one county in one year, and the way a programme turns them into explained rule results.
 * One instance serves a whole assessment run (a household, or a county's 应享未享 list): each parameter is resolved once.
 */
public final class ProgrammeRules {
    private final EffectiveParameters parameters;
    private final String provinceId;
    private final String countyCode;
    private final int year;
    private final LocalDate referenceDate;
    private final Map<String, EffectiveParameter> resolved = new HashMap<>();

    public ProgrammeRules(EffectiveParameters parameters, String provinceId, String countyCode, int year, LocalDate referenceDate) {
        this.parameters = parameters;
        this.provinceId = provinceId;
        this.countyCode = countyCode;
        this.year = year;
        this.referenceDate = referenceDate;
    }

    public int year() {
        return year;
    }

    /** The day ages are taken on: today in the current year, 31 December for a past year. */
    public LocalDate referenceDate() {
        return referenceDate;
    }

    public EffectiveParameter parameter(String key) {
        return resolved.computeIfAbsent(key, k -> parameters.resolve(provinceId, countyCode, k, year));
    }

    public boolean isSet(String key) {
        return parameter(key).origin() != ParameterOrigin.NOT_SET;
    }

    /** A money parameter's value, or null when the year has none. */
    public BigDecimal money(String key) {
        EffectiveParameter p = parameter(key);
        return p.origin() == ParameterOrigin.NOT_SET ? null : new BigDecimal(p.value().strip());
    }

    /**
     * A percentage amount: {@code baseKey}'s money × {@code shareKey}'s percent, to the fen, half up (e.g. 60 % of a 380 yuan
     * contribution is 228.00); null when either is not set for the year.
     */
    public BigDecimal percentOf(String baseKey, String shareKey) {
        BigDecimal base = money(baseKey);
        if (base == null || !isSet(shareKey)) {
            return null;
        }
        BigDecimal share = new BigDecimal(parameter(shareKey).value().strip());
        return base.multiply(share).divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
    }

    /**
     * A tiered amount: the tier a member falls in picks the parameter that gives the amount (学段 × 寄宿 → 两免一补 standard).
     * Returns the rule result naming the tier and the parameter; the amount is {@link #money(String)} of {@code tiers.get(tier)}.
     */
    public <T> RuleResult tier(String rule, java.util.Map<T, String> tiers, T tier, String tierFact) {
        String key = tiers.get(tier);
        if (key == null) {
            return fact(rule, false, tierFact + "（不在补助档次内）", null);
        }
        return withParameter(rule, key, tierFact, v -> true);
    }

    /** The tiers and their amounts in one line ("小学非寄宿生 500 元；…"), a tier not set for the year saying so. */
    public <T> String tierTable(java.util.Map<T, String> tiers, java.util.function.Function<T, String> label) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        tiers.forEach((t, key) -> {
            BigDecimal v = money(key);
            parts.add(label.apply(t) + " " + (v == null ? "（本年度未设定）" : v.stripTrailingZeros().toPlainString() + " 元"));
        });
        return String.join("；", parts);
    }

    /** A rule whose basis is a policy text rather than a parameter (e.g. who a programme is for). */
    public RuleResult fact(String rule, boolean passed, String fact, String source) {
        return new RuleResult(rule, passed ? RuleResult.Outcome.PASSED : RuleResult.Outcome.FAILED, fact, null, null, null, source);
    }

    /** A rule that reads a parameter: NOT_SET when the year has no value, else the parameter's value decides. */
    public RuleResult withParameter(String rule, String key, String fact, Predicate<String> passes) {
        EffectiveParameter p = parameter(key);
        if (p.origin() == ParameterOrigin.NOT_SET) {
            return new RuleResult(rule, RuleResult.Outcome.NOT_SET, fact, key, p.label(), null, null);
        }
        boolean ok = passes.test(p.value().strip());
        return new RuleResult(rule, ok ? RuleResult.Outcome.PASSED : RuleResult.Outcome.FAILED, fact, key, p.label(),
                p.displayValue() + (p.unit() == null || p.unit().isBlank() || "是/否".equals(p.unit()) ? "" : " " + p.unit()), p.source());
    }
}
