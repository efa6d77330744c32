package cn.fpjc.core.monitoring;

import java.time.LocalDate;
import java.util.List;

/** What clients send about risk clues. Enumerations may be given by English name or Chinese label. */
public final class ClueRequests {
    private ClueRequests() {
    }

    /**
     * A clue recorded by staff: a self-report taken at the village office or by phone, or a cadre's screening finding.
     * With {@code memberId} (a registered member in the caller's scope) the name, ID number and village are the member's:
     * nothing is retyped, and {@code name}, {@code idNumber} and {@code villageCode} may be left out.
     */
    public record RecordClue(String channel, String sourceDetail, String villageCode, String name, String idNumber, String phone,
            String description, List<String> riskCategories, LocalDate reportedOn, String screeningKind, String campaign, Long memberId) {
    }

    /** The public self-report form (一键申报): no account needed; rate-limited. */
    public record SelfReport(String name, String idNumber, String phone, String villageCode, String description) {
    }

    /** The closed-loop result of the home visit (入户核实). */
    public record Verification(String result, String note, LocalDate verifiedOn, Long version) {
    }

    /** A line department's batch (部门筛查预警), matched to the registry by ID number. */
    public record AlertBatch(String department, LocalDate reportedOn, List<AlertRow> rows) {
    }

    /** @param rowNo where the row stands in the department's file (reported back with unmatched rows); the position when absent */
    public record AlertRow(String idNumber, String name, String riskCategory, String description, Integer rowNo) {
    }

    /**
     * A row of the national system's 数据比对 result list ({@link AlertFiles#COMPARISON}).
     *
     * @param village a 12-digit village code or a village name of the county; may be blank for a registered person
     */
    public record ComparisonRow(String idNumber, String name, String village, String kind, String riskCategory, String description,
            int rowNo) {
    }
}
