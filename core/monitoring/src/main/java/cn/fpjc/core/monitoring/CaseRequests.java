package cn.fpjc.core.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What clients send about monitoring cases. */
public final class CaseRequests {
    private CaseRequests() {
    }

    /**
     * Opens an identification case: from a confirmed clue (its report date starts the clock) or for a household.
     *
     * @param extra the province's extension fields of the "case" form (key → value), checked by FormExtensions
     */
    public record OpenCase(Long clueId, Long householdId, String monitoringType, List<String> riskCategories, Boolean greenChannel,
            LocalDate startedOn, Map<String, Object> extra) {
        public OpenCase(Long clueId, Long householdId, String monitoringType, List<String> riskCategories, Boolean greenChannel,
                LocalDate startedOn) {
            this(clueId, householdId, monitoringType, riskCategories, greenChannel, startedOn, null);
        }
    }

    /** Completes the current step with its evidence (item → what was recorded, e.g. the meeting's date and place). */
    public record CompleteStep(String stepId, Map<String, String> evidence, String note, LocalDate completedOn, Long version) {
    }

    /** Sends the case back to the step before (e.g. the township returns it to the village), or rejects it at approval. */
    public record Decision(String reason, Long version) {
    }

    /**
     * The same completion or return for many cases at the current step (township or county batch review).
     *
     * @param caseEvidence evidence that differs for some cases: case id → item → text, over {@code evidence} for that case
     */
    public record Batch(List<Long> caseIds, String action, String stepId, Map<String, String> evidence, String reason,
            LocalDate noticeFrom, LocalDate noticeTo, Map<Long, Map<String, String>> caseEvidence) {
        public Batch(List<Long> caseIds, String action, String stepId, Map<String, String> evidence, String reason) {
            this(caseIds, action, stepId, evidence, reason, null, null, null);
        }

        /** The evidence for one case: the shared items, each replaced by that case's own text where it has one. */
        public Map<String, String> evidenceFor(long caseId) {
            Map<String, String> own = caseEvidence == null ? null : caseEvidence.get(caseId);
            if (own == null || own.isEmpty()) {
                return evidence;
            }
            Map<String, String> merged = new java.util.LinkedHashMap<>(evidence == null ? Map.of() : evidence);
            own.forEach((item, text) -> {
                if (text != null && !text.isBlank()) {
                    merged.put(item, text);
                }
            });
            return merged;
        }
    }

    /** A scanned document for a step's evidence: its file name and its bytes in base64 (JPEG, PNG or PDF, at most 5 MB). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CaseStepScanUpload")
    public record ScanUpload(String name, String contentBase64) {
    }

    /** The 公示 of the current step goes up: its first and last day (both counted) and the case's version read. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CaseNoticePeriod")
    public record NoticePeriod(LocalDate from, LocalDate to, Long version) {
    }
}
