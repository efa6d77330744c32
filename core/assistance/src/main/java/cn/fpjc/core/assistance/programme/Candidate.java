package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.registry.EmploymentPlace;
import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.HousingGrade;
import cn.fpjc.core.registry.Relation;
import cn.fpjc.core.registry.LabourCapacity;
import cn.fpjc.core.registry.SchoolingStage;
import java.time.LocalDate;

/**
 * What a programme may know about a member and the household, read from the registry (masked ID only).
 * {@code ageOn} is the age on the reference date of the assessment; {@code housingGrade} is the household's 房屋安全等级 from its
 * 三保障 record (null when none is recorded).
 */
public record Candidate(long memberId, long householdId, String householdNo, String villageCode, String name, String idMasked,
        HouseholdCategory category, LocalDate birthDate, int ageOn, LabourCapacity labour, SchoolingStage schooling,
        EmploymentPlace employmentPlace, Integer employmentMonths, Integer disabilityGrade, Relation relation,
        HousingGrade housingGrade, LocalDate housingCheckedOn) {
}
