package cn.fpjc.core.assistance.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What clients send to the application flow. */
public final class ApplicationRequests {
    private ApplicationRequests() {
    }

    /**
     * A member applies for a programme in a year; {@code claimedAmount} is the actual cost where the programme pays it up to
     * a ceiling (or the amount applied for where it has none); {@code declared} the facts the programme asks the application
     * to state (its declarations' keys → a choice's code or label).
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ApplicationSubmit")
    public record Submit(String programmeId, Long memberId, Integer year, BigDecimal claimedAmount, String note,
            java.util.Map<String, String> declared) {
        public Submit(String programmeId, Long memberId, Integer year, BigDecimal claimedAmount, String note) {
            this(programmeId, memberId, year, claimedAmount, note, null);
        }
    }

    /** An application and the version read. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ApplicationItem")
    public record Item(Long id, Long version) {
    }

    /**
     * One step for many applications, each decided on its own: CHECK (村级核实), REVIEW (乡镇审核), NOTICE (村内公示: from, to and
     * the objection phone), OBJECTION (a villager's objection during the notice), APPROVE (县级审批 after the notice; an
     * objection needs its handling), REJECT (with a reason). {@code on}: the date of the step (default today).
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ApplicationStep")
    public record Decide(List<Item> items, String action, LocalDate on, LocalDate noticeFrom, LocalDate noticeTo, String objectionPhone,
            String objection, String objectionHandling, String reason) {
    }
}
