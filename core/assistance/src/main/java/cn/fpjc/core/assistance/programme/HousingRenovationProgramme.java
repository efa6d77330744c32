package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.HousingGrade;
import cn.fpjc.core.registry.Relation;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 农村危房改造: a 脱贫 or monitored household whose house the 三保障 record grades C (维修加固) or D (拆除重建) gets the
 * province's subsidy for that grade, applied for by the head of household, up to the actual cost (Henan's amounts are
 * ceilings, "原则上不高于"; Heilongjiang's a standard that no subsidy exceeds the cost of). A house not yet graded is not
 * assumed safe or unsafe: the rule says so and fails until the grade is recorded.
 * Sources: 000 “三保障”和饮水安全落实 二、住房安全 4 (Heilongjiang); 001 第二部分三(二)3④ (Henan).
 */
@ApplicationScoped
public class HousingRenovationProgramme implements AssistanceProgramme {
    static final String C = "assistance.housing.c-grade-subsidy";
    static final String D = "assistance.housing.d-grade-subsidy";
    static final String INTO_PLAN_BY = "assistance.housing.cd-into-plan-by";
    static final String SOURCE = "000 “三保障”和饮水安全落实 二、住房安全：对农村低收入群体等重点对象C级、D级危房实施改造";

    @Override
    public String id() {
        return "housing-renovation";
    }

    @Override
    public String name() {
        return "农村危房改造补助";
    }

    @Override
    public String summary() {
        return "脱贫户、监测户住房经鉴定为C级（维修加固）或D级（拆除重建）的，由户主申请，按省定标准据实补助（不超过实际费用）";
    }

    @Override
    public List<String> parameterKeys() {
        return List.of(C, D, INTO_PLAN_BY);
    }

    @Override
    public boolean oncePerHousehold() {
        return true;
    }

    @Override
    public boolean actualCostUpToAmount() {
        return true;
    }

    @Override
    public Candidates candidates() {
        return new Candidates("h.category in :categories and m.relation = :head", Map.of("categories",
                List.of(HouseholdCategory.POVERTY_ALLEVIATED, HouseholdCategory.MONITORED), "head", Relation.HEAD));
    }

    /** Where the province sets the day by which C and D houses enter the year's plan (Hunan: before May), the year's applications end then. */
    @Override
    public Window applicationWindow(int year, ProgrammeRules rules) {
        if (!rules.isSet(INTO_PLAN_BY)) {
            return null;
        }
        java.time.LocalDate to = java.time.MonthDay.parse("--" + rules.parameter(INTO_PLAN_BY).value().strip()).atYear(year);
        return new Window(null, to, year + "年度危房改造任务须于" + to.getMonthValue() + "月" + to.getDayOfMonth() + "日前纳入（依据："
                + rules.parameter(INTO_PLAN_BY).citation() + "）");
    }

    @Override
    public Decision assess(Candidate who, ProgrammeRules rules) {
        List<RuleResult> results = new ArrayList<>();
        results.add(Households.poorOrMonitored(rules, who, SOURCE));
        results.add(rules.fact("由户主申请（以户为单位）", who.relation() == Relation.HEAD, "与户主关系：" + who.relation().label(), SOURCE));
        HousingGrade grade = who.housingGrade();
        String fact = grade == null ? "尚未登记房屋安全等级鉴定" : "房屋安全等级：" + grade.label()
                + (who.housingCheckedOn() == null ? "" : "（" + who.housingCheckedOn() + " 鉴定）");
        boolean unsafe = grade == HousingGrade.C || grade == HousingGrade.D;
        results.add(rules.fact("住房经鉴定为C级或D级危房", unsafe, fact, SOURCE));
        String key = grade == HousingGrade.D ? D : C;
        if (unsafe) {
            results.add(rules.withParameter(grade == HousingGrade.D ? "D级危房拆除重建补助标准" : "C级危房维修加固补助标准", key, "按年度标准", v -> true));
        }
        BigDecimal cap = unsafe ? rules.money(key) : null;
        return Decision.of(this, who.memberId(), results, cap, cap == null ? null
                : (grade == HousingGrade.D ? "D级拆除重建" : "C级维修加固") + "每户最高 " + cap.stripTrailingZeros().toPlainString() + " 元，不超过实际费用");
    }
}
