package cn.fpjc.core.assistance.programme;

import java.math.BigDecimal;
import java.util.List;

/**
 * A programme's decision for one member in one year: entitled or not (or undetermined when a parameter is not set), every
 * rule's result, and when entitled the amount with how it is computed and paid.
 */
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "EntitlementDecision")
public record Decision(String programmeId, String programmeName, long memberId, Status status, List<RuleResult> rules, BigDecimal amount,
        String amountRule) {
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "EntitlementStatus")
    public enum Status {
        ELIGIBLE("符合条件"),
        NOT_ELIGIBLE("不符合条件"),
        UNDETERMINED("无法判断（参数未设定）");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The status from the rules: any failed rule → not eligible; else any rule not set → undetermined; else eligible. */
    public static Decision of(AssistanceProgramme programme, long memberId, List<RuleResult> rules, BigDecimal amount, String amountRule) {
        Status status = rules.stream().anyMatch(r -> r.outcome() == RuleResult.Outcome.FAILED) ? Status.NOT_ELIGIBLE
                : rules.stream().anyMatch(r -> r.outcome() == RuleResult.Outcome.NOT_SET) ? Status.UNDETERMINED : Status.ELIGIBLE;
        return new Decision(programme.id(), programme.name(), memberId, status, List.copyOf(rules),
                status == Status.ELIGIBLE ? amount : null, status == Status.ELIGIBLE ? amountRule : null);
    }

    public String statusLabel() {
        return status.label();
    }

    /** The first rule that failed (or could not be decided), for one-line explanations in lists. */
    public RuleResult firstUnmet() {
        return rules.stream().filter(r -> r.outcome() != RuleResult.Outcome.PASSED).findFirst().orElse(null);
    }
}
