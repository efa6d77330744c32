package cn.fpjc.core.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the case API returns. */
public final class CaseViews {
    private CaseViews() {
    }

    public record StepView(String stepId, int seq, String label, String role, List<String> evidenceRequired, String state,
            LocalDate dueOn, String dueRule, String dueState, LocalDate earliestOn, String earliestRule, LocalDate completedOn,
            String completedBy, Map<String, String> evidence, String note, LocalDate noticeFrom, LocalDate noticeTo, Integer noticeMinDays,
            List<ScanView> scans) {
    }

    /** A step's scanned evidence (the file itself at {@code …/cases/{id}/scans/{scanId}}). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CaseStepScanView")
    public record ScanView(long id, String stepId, String name, String contentType, int sizeBytes, Instant createdAt, String createdBy) {
    }

    public record EventView(String stepId, String action, String actor, Instant occurredAt, String note) {
    }

    /** @param missing what the current step still needs before it can be completed (role, evidence, earliest date) */
    public record CaseView(long id, long householdId, String householdNo, String villageCode, Long clueId, String procedureId,
            String monitoringType, String monitoringTypeLabel, List<String> riskCategories, boolean greenChannel, String status,
            String statusLabel, String currentStep, LocalDate startedOn, LocalDate approvedOn, String rejectionReason, List<StepView> steps,
            List<String> missing, List<EventView> events, long version, String procedureLabel, Long parentCaseId, String riskState,
            String riskStateLabel, LocalDate riskStateOn, LocalDate planDue, String planDueRule, List<Long> childCaseIds,
            Map<String, Object> extra) {
    }

    /**
     * A line of the inbox: a current step the user's role performs, in the user's scope, with the village's name and the
     * 户主. {@code evidenceRequired} lists every item; those marked 不符合时 ({@link CaseService#conditional}) are asked only
     * when they apply.
     */
    public record InboxItem(long caseId, String householdNo, String headName, String villageCode, String villageName,
            String monitoringTypeLabel, String stepId, String stepLabel, List<String> evidenceRequired, LocalDate dueOn, String dueState,
            boolean greenChannel) {
    }

    /** One case of a batch: named by 户编号 and 户主 (none when the case is not the caller's to see), and what happened. */
    public record BatchResult(long caseId, String householdNo, String headName, boolean ok, String message) {
    }

    /**
     * What the 告知书 of a rejected case says: to whom (the head's name; the number masked), the decision, its date and
     * reasons. No health details: the reasons are the county's words.
     */
    public record RejectionNotice(long caseId, String householdNo, String villageCode, String headName, String headIdMasked,
            LocalDate startedOn, LocalDate decidedOn, String reason) {
    }

    /** A step past its due date, for the county's overdue ledger. */
    public record OverdueItem(long caseId, String householdNo, String villageCode, String stepId, String stepLabel, String role,
            LocalDate dueOn, long daysOverdue) {
    }
}
