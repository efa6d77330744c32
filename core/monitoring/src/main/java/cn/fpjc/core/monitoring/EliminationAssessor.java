package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.registry.GuaranteeStatus;
import cn.fpjc.core.registry.HousingGrade;
import cn.fpjc.core.registry.IncomeRecord;
import cn.fpjc.core.registry.Member;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a monitored household's risk can be marked eliminated, condition by condition with the evidence and, when a
 * condition fails, why (000 一(四)1: income above the year's threshold stably for at least half a year and large rigid
 * expenses solved; 三保障 and water consolidated; measures implemented, the identified risks gone and no new risk).
 * A household with no labour capacity at all is not marked eliminated: it goes through the 兜底保障户 procedure
 * (001 第三部分一(二)5②), whose conditions are the safety net and the 三保障.
 */
@ApplicationScoped
public class EliminationAssessor {
    @Inject
    AppClock clock;

    public static final String ELIMINATION = "elimination";
    public static final String BASIC_PROTECTION = "basic-protection";
    static final int STABLE_MONTHS = 6;

    @Inject
    EffectiveParameters parameters;

    @Inject
    TenantAccess access;

    public record Condition(String code, String label, boolean met, String explanation, List<String> evidence) {
    }

    public record Assessment(long caseId, String procedureId, String procedureLabel, boolean allMet, List<Condition> conditions,
            LocalDate assessedOn) {
    }

    /** The assessment of an identification case; the rigid-expense answer is the village's, with its evidence. */
    public Assessment assess(MonitoringCase c, Boolean rigidExpensesResolved, String rigidExpensesNote) {
        LocalDate today = clock.today();
        List<Member> members = Member.list("householdId = ?1 and active = true", c.householdId);
        List<Condition> conditions = new ArrayList<>();
        String procedure;
        if (noLabourAtAll(members)) {
            procedure = BASIC_PROTECTION;
            conditions.add(new Condition("NO_LABOUR", "整户无劳动能力", true,
                    "家庭成员均无劳动能力或丧失劳动能力：不标注风险消除，按整户无劳动能力兜底保障户认定", List.of(members.size() + "名在册成员")));
            conditions.add(safetyNet(c));
            conditions.add(guarantees(c));
        } else {
            procedure = ELIMINATION;
            conditions.add(income(c, today));
            boolean rigid = Boolean.TRUE.equals(rigidExpensesResolved) && rigidExpensesNote != null && !rigidExpensesNote.isBlank();
            conditions.add(new Condition("RIGID_EXPENSES", "大额刚性支出问题已解决", rigid,
                    rigid ? "村级核实：" + rigidExpensesNote.strip()
                            : Boolean.TRUE.equals(rigidExpensesResolved) ? "请写明核实情况（如医疗费用已报销、救助到位）" : "村级核实认为大额刚性支出尚未解决",
                    rigidExpensesNote == null || rigidExpensesNote.isBlank() ? List.of() : List.of(rigidExpensesNote.strip())));
            conditions.add(guarantees(c));
            conditions.add(measures(c, today));
            conditions.add(noOpenRisk(c));
        }
        boolean all = conditions.stream().allMatch(Condition::met);
        return new Assessment(c.id, procedure, BASIC_PROTECTION.equals(procedure) ? "整户无劳动能力兜底保障户认定" : "风险消除", all, conditions, today);
    }

    /** What fails now among the conditions the data decide, when the county marks the risk eliminated. */
    public List<String> failingAtMarking(MonitoringCase c) {
        LocalDate today = clock.today();
        return List.of(income(c, today), guarantees(c), measures(c, today), noOpenRisk(c)).stream().filter(x -> !x.met())
                .map(x -> x.label() + "：" + x.explanation()).toList();
    }

    static boolean noLabourAtAll(List<Member> members) {
        return !members.isEmpty() && members.stream().noneMatch(m -> PlanRules.hasLabour(m.labour));
    }

    /** Income above the year's threshold over contiguous statistics periods covering at least six months, up to the latest. */
    private Condition income(MonitoringCase c, LocalDate today) {
        String label = "人均纯收入稳定超过当年监测范围（" + STABLE_MONTHS + "个月以上）";
        List<IncomeRecord> records = IncomeRecord.list("householdId", Sort.descending("periodTo"), c.householdId);
        if (records.isEmpty()) {
            return new Condition("INCOME", label, false, "没有收入记录，请先采集家庭收入", List.of());
        }
        IncomeRecord latest = records.get(0);
        if (latest.periodTo.getYear() < today.getYear() - 1) {
            return new Condition("INCOME", label, false, "最近的收入记录统计到" + latest.periodTo + "，请先采集本年度或上年度收入", List.of());
        }
        TenantInfo tenant = access.current();
        List<String> evidence = new ArrayList<>();
        LocalDate stableFrom = null;
        String failure = null;
        for (IncomeRecord r : records) {
            if (stableFrom != null && r.periodTo.isBefore(stableFrom.minusDays(1))) {
                break; // a gap between periods: stability is counted over contiguous periods only
            }
            EffectiveParameter threshold = parameters.resolve(tenant.provinceId(), tenant.code(), "monitoring.threshold", r.incomeYear);
            if (threshold.value() == null) {
                failure = r.incomeYear + "年的监测范围尚未设定";
                break;
            }
            long days = ChronoUnit.DAYS.between(r.periodFrom, r.periodTo) + 1;
            BigDecimal annual = days >= 365 ? r.perCapita
                    : r.perCapita.multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
            BigDecimal limit = new BigDecimal(threshold.value());
            evidence.add(r.incomeYear + "年（" + r.periodFrom + "至" + r.periodTo + "）人均纯收入" + r.perCapita.toPlainString() + "元"
                    + (days >= 365 ? "" : "，折合全年" + annual.toPlainString() + "元") + "；监测范围" + limit.toPlainString() + "元（"
                    + threshold.citation() + "）");
            if (annual.compareTo(limit) <= 0) {
                failure = r.incomeYear + "年（" + r.periodFrom + "至" + r.periodTo + "）人均纯收入未超过监测范围";
                break;
            }
            stableFrom = r.periodFrom;
        }
        if (stableFrom == null) {
            return new Condition("INCOME", label, false, failure, evidence);
        }
        boolean stable = !stableFrom.plusMonths(STABLE_MONTHS).isAfter(latest.periodTo.plusDays(1));
        return new Condition("INCOME", label, stable, stable ? "自" + stableFrom + "至" + latest.periodTo + "收入持续超过监测范围"
                : "收入超过监测范围的时间自" + stableFrom + "至" + latest.periodTo + "，不足" + STABLE_MONTHS + "个月"
                        + (failure == null ? "" : "（此前" + failure + "）"), evidence);
    }

    private static Condition guarantees(MonitoringCase c) {
        String label = "“三保障”和饮水安全有保障";
        GuaranteeStatus g = GuaranteeStatus.findById(c.householdId);
        if (g == null) {
            return new Condition("GUARANTEES", label, false, "尚未评定“三保障”和饮水安全", List.of());
        }
        List<String> gaps = new ArrayList<>();
        if (!g.educationOk) {
            gaps.add("义务教育未保障");
        }
        if (!g.medicalOk) {
            gaps.add("基本医疗未保障");
        }
        if (g.housingGrade != HousingGrade.A && g.housingGrade != HousingGrade.B) {
            gaps.add("住房安全等级为" + g.housingGrade.name() + "级");
        }
        if (!(g.waterQuantityOk && g.waterQualityOk && g.waterConvenienceOk && g.waterGuaranteeOk)) {
            gaps.add("饮水安全未全部达标");
        }
        return new Condition("GUARANTEES", label, gaps.isEmpty(), gaps.isEmpty() ? "全部有保障" : String.join("；", gaps),
                List.of("评定日期 " + g.assessedOn));
    }

    private static Condition measures(MonitoringCase c, LocalDate today) {
        String label = "帮扶措施已落实，识别的风险均有措施";
        AssistancePlan plan = AssistancePlan.find("caseId", c.id).firstResult();
        if (plan == null) {
            return new Condition("MEASURES", label, false, "尚未制定帮扶计划", List.of());
        }
        List<PlanMeasure> measures = PlanMeasure.list("planId", Sort.by("id"), plan.id);
        List<String> gaps = new ArrayList<>();
        if (measures.isEmpty()) {
            gaps.add("帮扶计划没有措施");
        }
        measures.stream().filter(m -> m.startOn.isAfter(today)).forEach(m -> gaps.add("「" + m.type.label() + "」" + m.startOn + "才开始"));
        for (String risk : c.riskCategories.split(",")) {
            if (measures.stream().noneMatch(m -> List.of(m.risks.split(",")).contains(risk))) {
                gaps.add("风险「" + RiskCategory.valueOf(risk).label() + "」没有对应措施");
            }
        }
        return new Condition("MEASURES", label, gaps.isEmpty(), gaps.isEmpty() ? "措施均已实施" : String.join("；", gaps),
                measures.stream().map(m -> m.type.label() + "（" + m.startOn + (m.endOn == null ? "起" : "至" + m.endOn) + "）").toList());
    }

    private static Condition noOpenRisk(MonitoringCase c) {
        String label = "无新增风险";
        List<String> gaps = new ArrayList<>();
        AssistancePlan plan = AssistancePlan.find("caseId", c.id).firstResult();
        for (RiskClue clue : RiskClue.<RiskClue>list("householdId", c.householdId)) {
            if (clue.status == ClueStatus.OPEN) {
                gaps.add("线索 " + clue.trackingNo + "（" + clue.reportedOn + "）尚未核实");
            } else if (clue.status == ClueStatus.ATTACHED && plan != null && (plan.cluesAnsweredTo == null || clue.id > plan.cluesAnsweredTo)) {
                gaps.add("线索 " + clue.trackingNo + "（" + clue.reportedOn + "）报告了新情况，帮扶计划此后未调整");
            }
        }
        long others = MonitoringCase.count("householdId = ?1 and status = ?2 and id <> ?3 and (parentCaseId is null or parentCaseId <> ?3)",
                c.householdId, CaseStatus.IN_PROGRESS, c.id);
        if (others > 0) {
            gaps.add("该户还有正在办理的其他程序");
        }
        return new Condition("NO_OPEN_RISK", label, gaps.isEmpty(), gaps.isEmpty() ? "没有待核实或未处理的风险线索" : String.join("；", gaps), List.of());
    }

    private static Condition safetyNet(MonitoringCase c) {
        String label = "已落实低保或特困供养等兜底保障";
        AssistancePlan plan = AssistancePlan.find("caseId", c.id).firstResult();
        List<PlanMeasure> measures = plan == null ? List.of() : PlanMeasure.list("planId", plan.id);
        List<String> nets = measures.stream().filter(m -> m.type.isSafetyNet()).map(m -> m.type.label() + "（" + m.startOn + "起）").toList();
        return new Condition("SAFETY_NET", label, !nets.isEmpty(), nets.isEmpty() ? "帮扶计划中没有低保或特困供养措施" : "已纳入兜底保障", nets);
    }
}
