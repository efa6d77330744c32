package cn.fpjc.core.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the registry API returns. ID numbers appear only masked; the full number only from the audited reveal. */
public final class RegistryViews {
    private RegistryViews() {
    }

    public record HouseholdSummary(long id, String householdNo, String villageCode, String villageName, String category,
            String categoryLabel, String headName, String headIdMasked, long memberCount, boolean relocated,
            boolean noLabourCapacity, boolean active) {
    }

    public record MemberView(long id, String name, String idMasked, LocalDate birthDate, int age, String sex, String sexLabel,
            String relation, String relationLabel, String labour, String labourLabel, String health, String healthLabel,
            Integer disabilityGrade, String disabilityType, String illness, String schooling, String schoolingLabel,
            String employmentPlace, String employmentPlaceLabel, Integer employmentMonths, boolean medicalInsured,
            boolean pensionInsured, boolean active, String removedReason, Map<String, Object> extra, long version) {
    }

    /** belowThreshold is null when the year has no threshold (never guessed). */
    public record IncomeView(long id, int year, BigDecimal wage, BigDecimal productionNet, BigDecimal property, BigDecimal transfer,
            BigDecimal expenses, BigDecimal total, int householdSize, BigDecimal perCapita, LocalDate periodFrom, LocalDate periodTo,
            String threshold, Boolean belowThreshold, long version) {
    }

    public record GuaranteeView(boolean educationOk, boolean medicalOk, String housingGrade, String housingGradeLabel,
            LocalDate housingCheckedOn, boolean waterQuantityOk, boolean waterQualityOk, boolean waterConvenienceOk,
            boolean waterGuaranteeOk, LocalDate waterCheckedOn, LocalDate assessedOn, boolean allSecured, long version) {
    }

    public record EventView(String kind, String kindLabel, Long memberId, String memberName, String relatedHouseholdNo,
            String detail, Instant occurredAt, String actor) {
    }

    public record HouseholdDetail(long id, String householdNo, String villageCode, String villageName, String address,
            String category, String categoryLabel, boolean relocated, boolean noLabourCapacity, boolean active,
            String closedReason, Map<String, Object> extra, long version, List<MemberView> members, List<IncomeView> incomes,
            GuaranteeView guarantee, List<EventView> events) {
    }

    /** Snapshot written to the audit log: never the ID number, only its masked form. */
    public record HouseholdSnapshot(String householdNo, String villageCode, String address, String category, boolean relocated,
            boolean noLabourCapacity, boolean active, String closedReason, Map<String, Object> extra) {
    }

    public record Revealed(long memberId, String idNumber) {
    }
}
