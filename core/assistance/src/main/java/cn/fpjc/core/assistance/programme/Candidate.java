package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.registry.EmploymentPlace;
import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.HousingGrade;
import cn.fpjc.core.registry.Relation;
import cn.fpjc.core.registry.LabourCapacity;
import cn.fpjc.core.registry.SchoolingStage;
import cn.fpjc.core.monitoring.MeasureType;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What a programme may know about a member and the household, read from the registry (masked ID only).
 * {@code ageOn} is the age on the reference date of the assessment; {@code housingGrade} is the household's 房屋安全等级 from its
 * 三保障 record (null when none is recorded). {@code measuresInForce}: the 一户一策 measures in force for the member on that date
 * (the household's and the member's own, e.g. 低保 or 特困供养 — the other programmes the member holds). {@code declared}: what
 * the application states (see {@link AssistanceProgramme#declarations()}); empty where nobody has applied.
 */
public record Candidate(long memberId, long householdId, String householdNo, String villageCode, String name, String idMasked,
        HouseholdCategory category, LocalDate birthDate, int ageOn, LabourCapacity labour, SchoolingStage schooling,
        EmploymentPlace employmentPlace, Integer employmentMonths, Integer disabilityGrade, Relation relation,
        HousingGrade housingGrade, LocalDate housingCheckedOn, Set<MeasureType> measuresInForce, Map<String, String> declared) {

    /** The same member with what an application states. */
    public Candidate withDeclared(Map<String, String> facts) {
        return new Candidate(memberId, householdId, householdNo, villageCode, name, idMasked, category, birthDate, ageOn, labour, schooling,
                employmentPlace, employmentMonths, disabilityGrade, relation, housingGrade, housingCheckedOn, measuresInForce, Map.copyOf(facts));
    }

    /** The declared choice, else the declaration's default (null when it has none). */
    public String declared(AssistanceProgramme.Declaration d) {
        return declared.getOrDefault(d.key(), d.defaultChoice());
    }
}
