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
