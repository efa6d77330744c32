package cn.fpjc.core.monitoring;

import cn.fpjc.core.monitoring.EliminationAssessor.Assessment;
import cn.fpjc.core.monitoring.PlanRules.Finding;
import java.time.LocalDate;
import java.util.List;

/** What the plan, follow-up and elimination API returns. */
public final class PlanViews {
    private PlanViews() {
    }

    /** @param state 未开始 / 实施中 / 已结束 (a time-bound measure stays 实施中 to its end date, also after elimination) */
    public record MeasureView(String type, String typeLabel, String kind, String kindLabel, Long memberId, String memberName,
            String description, List<String> risks, LocalDate startOn, LocalDate endOn, String state) {
    }

    public record MemberOption(long id, String name, String labourLabel) {
    }

    /**
     * @param exists false until the plan is first saved (the due date and the household's members are still given)
     * @param readjustDue this year's re-adjustment deadline when the plan was last adjusted before this year
     */
    public record PlanView(long caseId, String householdNo, String villageCode, boolean exists, String responsibleOfficial,
            String responsiblePhone, boolean labourWilling, String note, List<MeasureView> measures, List<Finding> findings,
            LocalDate dueOn, String dueRule, String dueState, LocalDate adjustedOn, LocalDate readjustDue, String readjustRule,
            LocalDate lockedOn, String riskState, List<String> caseRisks, List<MemberOption> members, long version,
            java.util.Map<String, Object> extra) {
    }

    /** What the rules say about a plan before it is saved. */
    public record PlanCheck(boolean acceptable, List<cn.fpjc.core.platform.error.ErrorBody.FieldError> errors, List<Finding> warnings) {
    }

    /** A plan to make (制定) or re-adjust (年度调整), with its deadline. */
    public record PlanTask(long caseId, String householdNo, String villageCode, String task, LocalDate dueOn, String dueRule,
            String dueState) {
        PlanTask withHouseholdNo(String no) {
            return new PlanTask(caseId, no, villageCode, task, dueOn, dueRule, dueState);
        }
    }

    public record VisitView(long id, long caseId, String kind, String kindLabel, String visitor, LocalDate visitedOn, String findings,
            String attachmentName, String createdBy) {
    }

    /** When a monitored household is next due a visit of one kind, and how the interval was set. */
    public record CadenceItem(long caseId, String householdNo, String villageCode, String riskState, String kind, String kindLabel,
            LocalDate lastVisit, int intervalMonths, String intervalSource, LocalDate dueOn, String dueState) {
        CadenceItem withHouseholdNo(String no) {
            return new CadenceItem(caseId, no, villageCode, riskState, kind, kindLabel, lastVisit, intervalMonths, intervalSource, dueOn, dueState);
        }
    }

    /** A household monitored longer than the province's limit without elimination, with its history. */
    public record LongCase(long caseId, String householdNo, String villageCode, LocalDate approvedOn, long monthsMonitored,
            List<String> riskCategories, int measures, int visits, LocalDate lastVisit, List<CaseViews.EventView> history) {
    }

    public record EliminationView(Assessment assessment, CaseViews.CaseView openedCase) {
    }
}
