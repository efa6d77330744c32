package cn.fpjc.core.monitoring;

import java.time.LocalDate;
import java.util.List;

/** What clients send about 一户一策 plans, follow-up visits and elimination. */
public final class PlanRequests {
    private PlanRequests() {
    }

    /** A measure: type (English name or label), the member it is for (none: the household), the risks it addresses. */
    public record MeasureInput(String type, Long memberId, String description, List<String> risks, LocalDate startOn, LocalDate endOn) {
    }

    /**
     * The whole plan; saving it again is also its annual re-adjustment.
     *
     * @param extra the province's extension fields of the "plan" form (key → value), checked by FormExtensions
     */
    public record PlanInput(String responsibleOfficial, String responsiblePhone, Boolean labourWilling, List<MeasureInput> measures,
            String note, Long version, java.util.Map<String, Object> extra) {
        public PlanInput(String responsibleOfficial, String responsiblePhone, Boolean labourWilling, List<MeasureInput> measures,
                String note, Long version) {
            this(responsibleOfficial, responsiblePhone, labourWilling, measures, note, version, null);
        }
    }

    /**
     * The village's answer on large rigid expenses, with what it checked (the other conditions come from the data), and
     * the day of the village's study (村级研究) that starts the procedure: today when not given.
     */
    public record EliminationInput(Boolean rigidExpensesResolved, String rigidExpensesNote, LocalDate startedOn) {
    }

    /** 回退: the elimination was not stable; or 再标注: a new risk after elimination (new categories). */
    public record Reopen(String reason, List<String> riskCategories, Long version) {
    }

    /** A visit; the attachment (photo or scanned record) as base64, at most 5 MB. */
    public record VisitInput(String kind, String visitor, LocalDate visitedOn, String findings, String attachmentName,
            String attachmentBase64) {
    }
}
