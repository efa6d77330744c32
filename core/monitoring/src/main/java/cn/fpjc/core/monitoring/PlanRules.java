package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.policy.source.PolicySources;
import cn.fpjc.core.registry.LabourCapacity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules a 一户一策 plan must follow (DOMAIN.md §2 帮扶计划; 000 一(三); 001 第三部分一(二)5 and its listed audit findings).
 * Two are enforced — a household with labour and the will to work gets at least one developmental measure; a member
 * without labour capacity is never put into a public-welfare job or a workshop job — and the rest are flagged with the
 * reason, because a village may have a good reason the rules cannot see.
 */
public final class PlanRules {
    private PlanRules() {
    }

    public record MemberFacts(long id, String name, LabourCapacity labour) {
    }

    public record MeasureFacts(MeasureType type, Long memberId, Set<RiskCategory> risks, LocalDate startOn, LocalDate endOn) {
    }

    /** A flagged rule: kept with the plan, shown beside it. */
    public record Finding(String rule, String message) {
    }

    public record Outcome(List<FieldError> errors, List<Finding> warnings) {
        public boolean refused() {
            return !errors.isEmpty();
        }
    }

    public static Outcome check(List<MemberFacts> members, boolean labourWilling, Set<RiskCategory> caseRisks, List<MeasureFacts> measures) {
        List<FieldError> errors = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        Map<Long, MemberFacts> byId = members.stream().collect(Collectors.toMap(MemberFacts::id, m -> m));
        boolean anyLabour = members.stream().anyMatch(m -> hasLabour(m.labour()));
        boolean onlyWeak = anyLabour && members.stream().noneMatch(m -> m.labour() == LabourCapacity.FULL);
        if (measures.isEmpty()) {
            errors.add(new FieldError("measures", "请至少填写一项帮扶措施"));
            return new Outcome(errors, warnings);
        }
        for (int i = 0; i < measures.size(); i++) {
            MeasureFacts m = measures.get(i);
            String field = "measures[" + i + "]";
            if (m.endOn() != null && m.startOn() != null && m.endOn().isBefore(m.startOn())) {
                errors.add(new FieldError(field + ".endOn", "结束日期不能早于开始日期"));
            }
            MemberFacts who = m.memberId() == null ? null : byId.get(m.memberId());
            if (m.memberId() != null && who == null) {
                errors.add(new FieldError(field + ".memberId", "该成员不是本户在册成员"));
            }
            if (m.type().isJob()) {
                if (who == null && m.memberId() == null) {
                    errors.add(new FieldError(field + ".memberId", "「" + m.type().label() + "」须写明安排哪位成员"));
                } else if (who != null && !hasLabour(who.labour())) {
                    errors.add(new FieldError(field + ".memberId", who.name() + "为" + who.labour().label() + "，不能安排「" + m.type().label()
                            + "」（无劳动能力人员不得安排公益性岗位或帮扶车间就业，"
                            + PolicySources.forPeople("001 第三部分所列问题") + "）"));
                }
            }
        }
        boolean developmental = measures.stream().anyMatch(m -> m.type().kind() == MeasureType.Kind.DEVELOPMENTAL);
        boolean protective = measures.stream().anyMatch(m -> m.type().kind() == MeasureType.Kind.PROTECTIVE);
        if (anyLabour && labourWilling && !developmental) {
            errors.add(new FieldError("measures", "家庭有劳动能力且有发展意愿，须至少安排一项产业或就业等发展类措施（"
                    + PolicySources.forPeople("000 一(三)：开发式帮扶") + "）"));
        }
        if (!developmental) {
            warnings.add(new Finding("PROTECTION_ONLY", anyLabour
                    ? "只有保障类措施（“一兜了之”）：有劳动能力的成员没有发展类措施，请说明原因或补充措施"
                    : "只有保障类措施：整户无劳动能力，按兜底保障安排，请确认已纳入低保或特困供养"));
        }
        if (onlyWeak && !(developmental && protective)) {
            warnings.add(new Finding("WEAK_LABOUR_MIX", "家庭只有弱劳动力或半劳动力：宜同时安排发展类和保障类措施"));
        }
        if (!anyLabour && measures.stream().noneMatch(m -> m.type().isSafetyNet())) {
            warnings.add(new Finding("NO_SAFETY_NET", "整户无劳动能力：应落实低保或特困供养等兜底保障"));
        }
        for (RiskCategory r : caseRisks) {
            if (measures.stream().noneMatch(m -> m.risks().contains(r))) {
                warnings.add(new Finding("RISK_UNADDRESSED", "风险「" + r.label() + "」还没有对应的帮扶措施"));
            }
        }
        return new Outcome(errors, warnings);
    }

    static boolean hasLabour(LabourCapacity labour) {
        return labour == LabourCapacity.FULL || labour == LabourCapacity.WEAK;
    }
}
