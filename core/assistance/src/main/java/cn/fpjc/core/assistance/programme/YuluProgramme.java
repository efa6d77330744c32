package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.SchoolingStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 雨露计划 助学补助: students of 脱贫 and monitored families in vocational education (中职, 高职), per student-year, paid in a
 * spring and an autumn instalment. Whether 本科 students are included is the province's word
 * ({@code assistance.yulu.vocational-only}); where a province has not said, a 本科 student is undetermined, not guessed.
 * Sources: 000 “雨露计划+”就业促进行动 二、三 (Heilongjiang); 001 第三部分 7 (Henan) — both: 脱贫家庭（含监测帮扶对象家庭）.
 */
@ApplicationScoped
public class YuluProgramme implements AssistanceProgramme {
    static final String PER_YEAR = "assistance.yulu.per-student-year";
    static final String VOCATIONAL_ONLY = "assistance.yulu.vocational-only";
    static final String SPRING = "assistance.yulu.spring-pay-by";
    static final String AUTUMN = "assistance.yulu.autumn-pay-by";
    static final String FAMILY_SOURCE = "000 “雨露计划+”就业促进行动 三：脱贫户家庭子女（含监测帮扶对象家庭）接受职业教育在校学习期间均可享受";
    static final List<SchoolingStage> VOCATIONAL = List.of(SchoolingStage.SECONDARY_VOCATIONAL, SchoolingStage.HIGHER_VOCATIONAL);

    @Override
    public String id() {
        return "yulu";
    }

    @Override
    public String name() {
        return "雨露计划助学补助";
    }

    @Override
    public String summary() {
        return "脱贫家庭（含监测帮扶对象家庭）子女接受中等、高等职业教育的，按每生每年标准分春季、秋季两个学期直补";
    }

    @Override
    public List<String> parameterKeys() {
        return List.of(PER_YEAR, VOCATIONAL_ONLY, SPRING, AUTUMN);
    }

    @Override
    public Candidates candidates() {
        // 本科 stays in the pre-filter: in a province that funds it the student qualifies.
        return new Candidates("h.category in :categories and m.schooling in :stages", Map.of("categories",
                List.of(HouseholdCategory.POVERTY_ALLEVIATED, HouseholdCategory.MONITORED), "stages",
                List.of(SchoolingStage.SECONDARY_VOCATIONAL, SchoolingStage.HIGHER_VOCATIONAL, SchoolingStage.BACHELOR)));
    }

    @Override
    public Decision assess(Candidate who, ProgrammeRules rules) {
        List<RuleResult> results = new ArrayList<>();
        results.add(Households.poorOrMonitored(rules, who, FAMILY_SOURCE));
        String stage = "在校情况：" + who.schooling().label();
        if (VOCATIONAL.contains(who.schooling())) {
            results.add(rules.fact("接受中等或高等职业教育（中职、高职）", true, stage, FAMILY_SOURCE));
        } else if (who.schooling() == SchoolingStage.BACHELOR) {
            results.add(rules.withParameter("本科学生是否纳入由省里规定（只补职业教育的，本科不纳入）", VOCATIONAL_ONLY, stage, "false"::equals));
        } else {
            results.add(rules.fact("接受中等或高等职业教育（中职、高职）", false, stage, FAMILY_SOURCE));
        }
        results.add(rules.withParameter("补助标准（每生每年）", PER_YEAR, "按年度标准", v -> true));
        BigDecimal amount = rules.money(PER_YEAR);
        String paid = rules.isSet(SPRING) && rules.isSet(AUTUMN)
                ? "，春季学期于" + monthDay(rules.parameter(SPRING).value()) + "前、秋季学期于" + monthDay(rules.parameter(AUTUMN).value()) + "前直补"
                : "，分春季、秋季两个学期补助（本省未设定直补期限）";
        return Decision.of(this, who.memberId(), results, amount,
                amount == null ? null : "每生每年 " + amount.stripTrailingZeros().toPlainString() + " 元" + paid);
    }

    @Override
    public String noticeDaysKey() {
        return "assistance.yulu.notice-days";
    }

    /**
     * Two terms: half in the spring term (H1), half in the autumn term (H2), each due by the province's date. Half of an
     * odd number of fen goes to the spring term (rounded half up), the autumn term takes the rest, so the two add up.
     */
    @Override
    public List<Instalment> instalments(int year, BigDecimal amount, ProgrammeRules rules) {
        BigDecimal spring = amount.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP);
        return List.of(new Instalment(year + "-H1", "春季学期", spring, due(year, rules, SPRING)),
                new Instalment(year + "-H2", "秋季学期", amount.subtract(spring), due(year, rules, AUTUMN)));
    }

    private static java.time.LocalDate due(int year, ProgrammeRules rules, String key) {
        if (!rules.isSet(key)) {
            return null;
        }
        // 02-29 falls on 02-28 in a common year (MonthDay.atYear), never an invalid date.
        return java.time.MonthDay.parse("--" + rules.parameter(key).value().strip()).atYear(year);
    }

    static String monthDay(String mmdd) {
        String[] p = mmdd.strip().split("-");
        return Integer.parseInt(p[0]) + "月" + Integer.parseInt(p[1]) + "日";
    }
}
