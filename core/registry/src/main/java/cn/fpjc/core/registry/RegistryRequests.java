package cn.fpjc.core.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What clients send to the registry API. Enumerations may be given by English name or Chinese label. */
public final class RegistryRequests {
    private RegistryRequests() {
    }

    public record HouseholdInput(String householdNo, String villageCode, String address, String category, Boolean relocated,
            Boolean noLabourCapacity, Map<String, Object> extra, Long version) {
    }

    /** A new household with its members (exactly one of them the head, relation 户主). */
    public record CreateHousehold(String householdNo, String villageCode, String address, String category, Boolean relocated,
            Boolean noLabourCapacity, Map<String, Object> extra, List<MemberInput> members) {
        HouseholdInput household() {
            return new HouseholdInput(householdNo, villageCode, address, category, relocated, noLabourCapacity, extra, null);
        }
    }

    public record MemberInput(String name, String idNumber, String relation, String labour, String health, Integer disabilityGrade,
            String disabilityType, String illness, String schooling, String employmentPlace, Integer employmentMonths,
            Boolean medicalInsured, Boolean pensionInsured, Map<String, Object> extra, Long version) {
    }

    public record IncomeInput(Integer year, BigDecimal wage, BigDecimal productionNet, BigDecimal property, BigDecimal transfer,
            BigDecimal expenses, LocalDate periodFrom, LocalDate periodTo, Long version) {
    }

    public record GuaranteeInput(Boolean educationOk, Boolean medicalOk, String housingGrade, LocalDate housingCheckedOn,
            Boolean waterQuantityOk, Boolean waterQualityOk, Boolean waterConvenienceOk, Boolean waterGuaranteeOk,
            LocalDate waterCheckedOn, LocalDate assessedOn, Long version) {
    }

    /** Move a member to another existing household of the county (e.g. marriage within the county). */
    public record MoveMember(String toHouseholdNo, String relation, String reason) {
    }

    /** A member leaves the registry (death, moved out of the county, …); kept with the reason. */
    public record RemoveMember(String reason) {
    }

    /** Split: the listed members form a new household; headMemberId becomes its head. */
    public record Split(String newHouseholdNo, String address, List<Long> memberIds, Long headMemberId, String reason) {
    }

    /** Merge: every member of this household joins the target, this household is closed. */
    public record Merge(String intoHouseholdNo, String reason) {
    }

    public record Reveal(String reason) {
    }
}
