package cn.fpjc.core.registry;

import cn.fpjc.core.platform.text.Inputs;
import cn.fpjc.core.platform.text.Labelled;

import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import java.util.List;

/**
 * Field rules for a member, shared by the API and the import so both refuse the same things with the
 * same Chinese messages. Errors are collected, never thrown one at a time.
 */
public final class MemberRules {
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[\\p{IsHan}\\p{IsLatin}·•．. ]+");
    private MemberRules() {
    }

    /** Copies the editable fields of {@code in} onto {@code m} (not the ID number), collecting errors under {@code prefix}. */
    public static void apply(Member m, RegistryRequests.MemberInput in, String prefix, List<FieldError> errors) {
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 64) {
            errors.add(new FieldError(prefix + "name", "请填写姓名（不超过64个字）"));
        } else if (!NAME.matcher(name).matches()) {
            errors.add(new FieldError(prefix + "name", "姓名只能包含汉字、字母和间隔号（·）"));
        }
        m.name = name.replace('•', '·').replace('．', '·');
        m.relation = Inputs.required(Relation.class, in.relation(), prefix + "relation", "与户主关系", errors);
        m.labour = Inputs.required(LabourCapacity.class, in.labour(), prefix + "labour", "劳动能力", errors);
        m.health = Inputs.required(HealthStatus.class, in.health(), prefix + "health", "健康状况", errors);
        m.schooling = Inputs.orDefault(SchoolingStage.class, in.schooling(), SchoolingStage.NOT_IN_SCHOOL, prefix + "schooling", "在校生情况", errors);
        m.employmentPlace = Inputs.orDefault(EmploymentPlace.class, in.employmentPlace(), EmploymentPlace.NONE, prefix + "employmentPlace",
                "务工地点", errors);
        m.disabilityGrade = in.disabilityGrade();
        m.disabilityType = Inputs.blankToNull(in.disabilityType());
        m.illness = Inputs.blankToNull(in.illness());
        if (m.health == HealthStatus.DISABLED) {
            if (m.disabilityGrade == null || m.disabilityGrade < 1 || m.disabilityGrade > 4) {
                errors.add(new FieldError(prefix + "disabilityGrade", "残疾人须填写残疾等级（1—4级）"));
            }
        } else if (m.disabilityGrade != null) {
            errors.add(new FieldError(prefix + "disabilityGrade", "健康状况不是“残疾”时不应填写残疾等级"));
        }
        if ((m.health == HealthStatus.CHRONIC || m.health == HealthStatus.MAJOR_ILLNESS) && m.illness == null) {
            errors.add(new FieldError(prefix + "illness", "患长期慢性病或大病的须填写病种"));
        }
        m.employmentMonths = in.employmentMonths();
        if (m.employmentMonths != null && (m.employmentMonths < 0 || m.employmentMonths > 12)) {
            errors.add(new FieldError(prefix + "employmentMonths", "务工时间应为0—12个月"));
        }
        if (m.employmentPlace == EmploymentPlace.NONE && m.employmentMonths != null && m.employmentMonths > 0) {
            errors.add(new FieldError(prefix + "employmentMonths", "未务工时务工时间应为空或0"));
        }
        m.medicalInsured = Boolean.TRUE.equals(in.medicalInsured());
        m.pensionInsured = Boolean.TRUE.equals(in.pensionInsured());
    }
}
