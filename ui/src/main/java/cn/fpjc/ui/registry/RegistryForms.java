package cn.fpjc.ui.registry;

import static cn.fpjc.ui.common.Forms.date;
import static cn.fpjc.ui.common.Forms.longOrNull;
import static cn.fpjc.ui.common.Forms.text;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.policy.form.FormExtensions;
import cn.fpjc.core.registry.EmploymentPlace;
import cn.fpjc.core.registry.HealthStatus;
import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.HousingGrade;
import cn.fpjc.core.registry.LabourCapacity;
import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.registry.Relation;
import cn.fpjc.core.registry.RegistryRequests.CreateHousehold;
import cn.fpjc.core.registry.RegistryRequests.GuaranteeInput;
import cn.fpjc.core.registry.RegistryRequests.HouseholdInput;
import cn.fpjc.core.registry.RegistryRequests.IncomeInput;
import cn.fpjc.core.registry.RegistryRequests.MemberInput;
import cn.fpjc.core.registry.RegistryViews.GuaranteeView;
import cn.fpjc.core.registry.RegistryViews.HouseholdDetail;
import cn.fpjc.core.registry.RegistryViews.IncomeView;
import cn.fpjc.core.registry.RegistryViews.MemberView;
import cn.fpjc.core.registry.SchoolingStage;
import cn.fpjc.ui.common.Forms;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry's HTML forms (generic reading and refusals: {@link Forms}), both ways: submitted fields → the API's request records (the same validation then runs in
 * the service), and stored views → the values a form shows. Field names are the API's, so a service's field error lands
 * beside its input; province extra fields are "x.&lt;key&gt;" inputs (the formfields tag).
 */
final class RegistryForms {
    private RegistryForms() {
    }

    /** The drop-down choices of the registry forms, in the enumerations' order. */
    static Map<String, List<String>> choices() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("category", Labelled.labels(HouseholdCategory.class));
        c.put("relation", Labelled.labels(Relation.class));
        c.put("labour", Labelled.labels(LabourCapacity.class));
        c.put("health", Labelled.labels(HealthStatus.class));
        c.put("schooling", Labelled.labels(SchoolingStage.class));
        c.put("employmentPlace", Labelled.labels(EmploymentPlace.class));
        c.put("housingGrade", Labelled.labels(HousingGrade.class));
        return c;
    }

    // ------------------------------------------------------------ form → request

    static CreateHousehold create(MultivaluedMap<String, String> form) {
        List<FieldError> errors = new ArrayList<>();
        MemberInput head = member(form, "head.", errors);
        HouseholdInput h = household(form, null);
        MemberInput asHead = new MemberInput(head.name(), head.idNumber(), Relation.HEAD.label(), head.labour(), head.health(),
                head.disabilityGrade(), head.disabilityType(), head.illness(), head.schooling(), head.employmentPlace(),
                head.employmentMonths(), head.medicalInsured(), head.pensionInsured(), head.extra(), null);
        ApiException.refuseIfAny(errors);
        return new CreateHousehold(h.householdNo(), h.villageCode(), h.address(), h.category(), h.relocated(), h.noLabourCapacity(),
                h.extra(), List.of(asHead));
    }

    static HouseholdInput household(MultivaluedMap<String, String> form, Long version) {
        return new HouseholdInput(text(form, "householdNo"), text(form, "villageCode"), text(form, "address"), text(form, "category"),
                checked(form, "relocated"), checked(form, "noLabourCapacity"), extras(form, ""), version);
    }

    static MemberInput member(MultivaluedMap<String, String> form, Long version) {
        List<FieldError> errors = new ArrayList<>();
        MemberInput m = member(form, "", errors);
        ApiException.refuseIfAny(errors);
        return new MemberInput(m.name(), m.idNumber(), m.relation(), m.labour(), m.health(), m.disabilityGrade(), m.disabilityType(),
                m.illness(), m.schooling(), m.employmentPlace(), m.employmentMonths(), m.medicalInsured(), m.pensionInsured(), m.extra(),
                version);
    }

    private static MemberInput member(MultivaluedMap<String, String> form, String prefix, List<FieldError> errors) {
        return new MemberInput(text(form, prefix + "name"), text(form, prefix + "idNumber"), text(form, prefix + "relation"),
                text(form, prefix + "labour"), text(form, prefix + "health"), integer(form, prefix + "disabilityGrade", errors),
                text(form, prefix + "disabilityType"), text(form, prefix + "illness"), text(form, prefix + "schooling"),
                text(form, prefix + "employmentPlace"), integer(form, prefix + "employmentMonths", errors),
                checked(form, prefix + "medicalInsured"), checked(form, prefix + "pensionInsured"), extras(form, prefix), null);
    }

    static IncomeInput income(MultivaluedMap<String, String> form) {
        List<FieldError> errors = new ArrayList<>();
        IncomeInput in = new IncomeInput(integer(form, "year", errors), money(form, "wage", errors), money(form, "productionNet", errors),
                money(form, "property", errors), money(form, "transfer", errors), money(form, "expenses", errors),
                date(form, "periodFrom", errors), date(form, "periodTo", errors), longOrNull(form.getFirst("version")));
        ApiException.refuseIfAny(errors);
        return in;
    }

    static GuaranteeInput guarantee(MultivaluedMap<String, String> form) {
        List<FieldError> errors = new ArrayList<>();
        GuaranteeInput in = new GuaranteeInput(yesNo(form, "educationOk", errors), yesNo(form, "medicalOk", errors),
                text(form, "housingGrade"), date(form, "housingCheckedOn", errors), yesNo(form, "waterQuantityOk", errors),
                yesNo(form, "waterQualityOk", errors), yesNo(form, "waterConvenienceOk", errors), yesNo(form, "waterGuaranteeOk", errors),
                date(form, "waterCheckedOn", errors), date(form, "assessedOn", errors), longOrNull(form.getFirst("version")));
        ApiException.refuseIfAny(errors);
        return in;
    }

    // ------------------------------------------------------------ view → form values


    static Map<String, String> values(HouseholdDetail h) {
        Map<String, String> v = new HashMap<>();
        v.put("householdNo", h.householdNo());
        v.put("villageCode", h.villageCode());
        v.put("address", h.address() == null ? "" : h.address());
        v.put("category", h.categoryLabel());
        v.put("relocated", Boolean.toString(h.relocated()));
        v.put("noLabourCapacity", Boolean.toString(h.noLabourCapacity()));
        v.put("version", Long.toString(h.version()));
        v.putAll(Forms.extraInputs(h.extra(), ""));
        return v;
    }

    static Map<String, String> values(MemberView m) {
        Map<String, String> v = new HashMap<>();
        v.put("name", m.name());
        v.put("idNumber", m.idMasked());
        v.put("relation", m.relationLabel());
        v.put("labour", m.labourLabel());
        v.put("health", m.healthLabel());
        v.put("disabilityGrade", m.disabilityGrade() == null ? "" : m.disabilityGrade().toString());
        v.put("disabilityType", m.disabilityType() == null ? "" : m.disabilityType());
        v.put("illness", m.illness() == null ? "" : m.illness());
        v.put("schooling", m.schoolingLabel());
        v.put("employmentPlace", m.employmentPlaceLabel());
        v.put("employmentMonths", m.employmentMonths() == null ? "" : m.employmentMonths().toString());
        v.put("medicalInsured", Boolean.toString(m.medicalInsured()));
        v.put("pensionInsured", Boolean.toString(m.pensionInsured()));
        v.put("version", Long.toString(m.version()));
        v.putAll(Forms.extraInputs(m.extra(), ""));
        return v;
    }

    static Map<String, String> values(IncomeView i) {
        Map<String, String> v = new HashMap<>();
        v.put("year", Integer.toString(i.year()));
        v.put("wage", i.wage().toPlainString());
        v.put("productionNet", i.productionNet().toPlainString());
        v.put("property", i.property().toPlainString());
        v.put("transfer", i.transfer().toPlainString());
        v.put("expenses", i.expenses().toPlainString());
        v.put("periodFrom", i.periodFrom() == null ? "" : i.periodFrom().toString());
        v.put("periodTo", i.periodTo() == null ? "" : i.periodTo().toString());
        v.put("version", Long.toString(i.version()));
        return v;
    }

    static Map<String, String> values(GuaranteeView g) {
        Map<String, String> v = new HashMap<>();
        v.put("educationOk", Boolean.toString(g.educationOk()));
        v.put("medicalOk", Boolean.toString(g.medicalOk()));
        v.put("housingGrade", g.housingGradeLabel());
        v.put("housingCheckedOn", g.housingCheckedOn() == null ? "" : g.housingCheckedOn().toString());
        v.put("waterQuantityOk", Boolean.toString(g.waterQuantityOk()));
        v.put("waterQualityOk", Boolean.toString(g.waterQualityOk()));
        v.put("waterConvenienceOk", Boolean.toString(g.waterConvenienceOk()));
        v.put("waterGuaranteeOk", Boolean.toString(g.waterGuaranteeOk()));
        v.put("waterCheckedOn", g.waterCheckedOn() == null ? "" : g.waterCheckedOn().toString());
        v.put("assessedOn", g.assessedOn() == null ? "" : g.assessedOn().toString());
        v.put("version", Long.toString(g.version()));
        return v;
    }

    /** A checkbox: present (any value but "false") means yes. */
    private static Boolean checked(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v != null && !v.equals("false");
    }

    /** A 是/否 drop-down: both must be chosen explicitly (an unassessed item is not "no"). */
    private static Boolean yesNo(MultivaluedMap<String, String> form, String name, List<FieldError> errors) {
        String v = text(form, name);
        if (v == null) {
            return null;
        }
        return switch (v) {
            case "true", "是" -> true;
            case "false", "否" -> false;
            default -> {
                errors.add(new FieldError(name, "请选择“是”或“否”"));
                yield null;
            }
        };
    }

    private static Integer integer(MultivaluedMap<String, String> form, String name, List<FieldError> errors) {
        return parsed(form, name, errors, Integer::valueOf, "请填写整数");
    }

    private static BigDecimal money(MultivaluedMap<String, String> form, String name, List<FieldError> errors) {
        return parsed(form, name, errors, t -> new BigDecimal(t.replace(",", "").replace("，", "")), "请填写金额（元），如 3500 或 3500.50");
    }

    /** A typed input: empty is null, unreadable is a field error with {@code message}. */
    private static <T> T parsed(MultivaluedMap<String, String> form, String name, List<FieldError> errors, Function<String, T> parser,
            String message) {
        String v = text(form, name);
        if (v == null) {
            return null;
        }
        try {
            return parser.apply(v);
        } catch (RuntimeException e) {
            errors.add(new FieldError(name, message));
            return null;
        }
    }


    private static Map<String, Object> extras(MultivaluedMap<String, String> form, String prefix) {
        return new LinkedHashMap<>(FormExtensions.fromForm(form, prefix));
    }
}
