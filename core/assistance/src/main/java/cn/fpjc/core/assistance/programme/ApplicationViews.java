package cn.fpjc.core.assistance.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the application flow answers. */
public final class ApplicationViews {
    private ApplicationViews() {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProgrammeApplicationView")
    public record ApplicationView(long id, String programmeId, String programmeName, int year, long memberId, String memberName,
            String idMasked, long householdId, String householdNo, String villageCode, String villageName, BigDecimal claimedAmount,
            BigDecimal amount, String amountRule, List<RuleResult> rulesAtSubmission, String status, String statusLabel, String note,
            String submittedBy, LocalDate checkedOn, LocalDate reviewedOn, LocalDate noticeFrom, LocalDate noticeTo, String objectionPhone,
            String objection, String objectionHandling, LocalDate decidedOn, String rejectReason, List<AssistanceProgramme.Instalment> instalments,
            List<String> declared, LocalDate decideBy, String decideByRule, String decideByState, String approvalRule, long version) {
    }

    /** One application's outcome in a batch, named by 户编号 and the member's name. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ApplicationStepResult")
    public record StepResult(long id, String householdNo, String memberName, boolean ok, String message) {
    }

    /** A line of the village 公示 (public: masked ID, no rules, no health or income details). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProgrammeNoticeLine")
    public record NoticeLine(String memberName, String idMasked, String householdNo, BigDecimal amount, String amountRule) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProgrammeNotice")
    public record Notice(String programmeName, int year, String villageCode, String villageName, LocalDate noticeFrom, LocalDate noticeTo,
            String objectionPhone, String basis, List<NoticeLine> lines) {
    }
}
