package cn.fpjc.core.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the clue API returns: ID numbers and phone numbers masked. */
public final class ClueViews {
    private ClueViews() {
    }

    /**
     * @param dueState 未到期 / 即将到期 (within 2 days) / 已逾期 / 已办结, for the deadline badge
     */
    public record ClueView(long id, String trackingNo, String channel, String channelLabel, String sourceDetail, String villageCode,
            Long householdId, String personName, String idMasked, String phoneMasked, String description, List<String> riskCategories,
            LocalDate reportedOn, Instant receivedAt, String receivedBy, String status, String statusLabel, LocalDate verifyDue,
            String verifyRule, String dueState, String verificationNote, String verifiedBy, LocalDate verifiedOn, long version,
            String screeningKind, String screeningKindLabel, String campaign, String registryMatch, String registryMatchLabel) {
    }

    /** A year's centralized screening campaigns against the minimum (monitoring.centralized-screenings-per-year). */
    public record Campaigns(int year, Integer required, String rule, boolean met, List<Campaign> campaigns) {
    }

    public record Campaign(String name, long clues, LocalDate firstOn, LocalDate lastOn) {
    }

    /**
     * What the public is told: the status and dates only, nothing about the person, and the same whatever the registry
     * holds for the ID number (the due date comes from the report date alone).
     */
    public record PublicStatus(String trackingNo, String statusLabel, LocalDate reportedOn, LocalDate verifyDue, String message) {
    }

    /** A department batch's result: what became clues, and every row that could not be matched, with why. */
    public record AlertIntake(int received, int matched, int attached, List<ClueView> clues, List<Unmatched> unmatched) {
    }

    public record Unmatched(int row, String name, String idMasked, String reason) {
    }

    /**
     * The answer to a 数据比对 list: every row, accepted (a clue with its tracking number, or attached to a monitored
     * household) or refused with why; refused rows are not stored.
     */
    public record ComparisonIntake(int received, int accepted, int attached, int refused, List<ComparisonLine> rows) {
    }

    /** @param note for an accepted row what to know (e.g. the registry's village was used), for a refused one the reason */
    public record ComparisonLine(int row, String name, String idMasked, boolean accepted, Long clueId, String trackingNo, String statusLabel,
            String villageCode, String note) {
    }
}
