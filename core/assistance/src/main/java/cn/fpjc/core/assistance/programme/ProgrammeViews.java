package cn.fpjc.core.assistance.programme;

import java.math.BigDecimal;
import java.util.List;

/** What the programme API answers. */
public final class ProgrammeViews {
    private ProgrammeViews() {
    }

    /** A parameter a programme reads, as it applies to the county in the year ("未设定" when the policy has no value). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProgrammeParameterView")
    public record ParameterView(String key, String label, String value, String unit, String source, String origin) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AssistanceProgrammeView")
    /**
     * A programme and its parameters for the year; {@code listsUnclaimed} false for one given on application only (no 应享未享
     * list), {@code noticeRequired} false where no village 公示 is held, {@code paidToAccount} false where nothing goes to
     * the 一卡通; {@code declarations}: what its application states.
     */
    public record ProgrammeView(String id, String name, String summary, int year, List<ParameterView> parameters, boolean listsUnclaimed,
            boolean noticeRequired, boolean paidToAccount, List<AssistanceProgramme.Declaration> declarations) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "MemberEntitlements")
    public record MemberEntitlements(long memberId, String name, String idMasked, String relation, List<Decision> decisions) {
    }

    /** 可享受政策: every member of the household against every programme, with each rule explained. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "HouseholdEntitlements")
    public record HouseholdEntitlements(long householdId, String householdNo, String categoryLabel, int year, String basis,
            List<MemberEntitlements> members) {
    }

    /** One line of 应享未享: an entitled member with nothing paid for the programme in the year. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "UnclaimedRow")
    public record UnclaimedRow(long memberId, String name, String idMasked, long householdId, String householdNo, String villageCode,
            String villageName, String categoryLabel, String fact, BigDecimal amount, String amountRule) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "UnclaimedVillageCount")
    public record VillageCount(String villageCode, String villageName, long count) {
    }

    /** The 应享未享 list of one programme and year in the caller's scope: the rows of the page and the counts by village. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "UnclaimedList")
    public record Unclaimed(String programmeId, String programmeName, int year, String basis, long total, int page, int size,
            List<UnclaimedRow> items, List<VillageCount> byVillage) {
    }
}
