package cn.fpjc.core.assistance.programme;

/**
 * One rule of a programme applied to one member: the rule in Chinese, the outcome, the fact it looked at, and — when the
 * rule reads a parameter — the parameter, its value and its source (the policy document and section).
 */
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RuleResult")
public record RuleResult(String rule, Outcome outcome, String fact, String parameterKey, String parameterLabel, String parameterValue,
        String source) {
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RuleOutcome")
    public enum Outcome {
        PASSED("符合"),
        FAILED("不符合"),
        /** The parameter the rule needs has no value for the year: the rule cannot be decided, and is not guessed. */
        NOT_SET("本年度未设定，无法判断");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String outcomeLabel() {
        return outcome.label();
    }
}
