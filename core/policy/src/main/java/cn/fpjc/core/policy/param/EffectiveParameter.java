package cn.fpjc.core.policy.param;

/**
 * A parameter as it applies to one county in one year, with where the value came from.
 * sinceYear is the year the value took effect (for a perYear parameter: the only year it applies to).
 */
public record EffectiveParameter(String key, String label, String group, String unit, ParamType type, boolean perYear,
        String value, Integer sinceYear, String source, String note, ParameterOrigin origin, String originLabel) {

    /** The value as shown to people (是/否 for yes-or-no parameters). */
    public String displayValue() {
        return type.display(value);
    }

    /** The source as people read it (document title and number, {@link cn.fpjc.core.policy.source.PolicySources}). */
    public String citation() {
        return cn.fpjc.core.policy.source.PolicySources.forPeople(source);
    }
}
