package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.SchoolingStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 家庭经济困难学生生活补助 (学前教育, 义务教育“两免一补”, 特殊教育): a tiered amount — the schooling stage and the lodging the
 * application states (寄宿生 / 非寄宿生 / 特殊教育学校) pick the province's standard. A 特殊教育学校 student must be recorded with a
 * disability. Before anyone applies the non-boarding standard is assumed, and the amount rule says so.
 * Sources: 000 “三保障”和饮水安全落实 四、义务教育有保障 2 (Heilongjiang: 两免一补); 001 第二部分一(二)2② (Henan: 学前 400,
 * 义务教育寄宿/非寄宿).
 */
@ApplicationScoped
public class EducationAidProgramme implements AssistanceProgramme {
    static final String LODGING = "lodging";
    static final String DAY = "DAY";
    static final String BOARDING = "BOARDING";
    static final String SPECIAL = "SPECIAL_SCHOOL";
    static final String SOURCE = "000 “三保障”和饮水安全落实 四、义务教育有保障 2：“两免一补”对家庭经济困难学生提供生活补助，各学段脱贫家庭学生的资助政策落实到位";
    static final Declaration LODGING_DECLARATION = new Declaration(LODGING, "住宿情况", List.of(new Choice(DAY, "非寄宿生"),
            new Choice(BOARDING, "寄宿生"), new Choice(SPECIAL, "特殊教育学校在校生")), DAY);

    /** Tier → parameter: 学段 × 住宿情况. */
    record Tier(SchoolingStage stage, String lodging) {
        String label() {
            return stage == null ? "特殊教育学校" : stage.label() + ("BOARDING".equals(lodging) ? "寄宿生" : stage == SchoolingStage.PRESCHOOL ? "" : "非寄宿生");
        }
    }

    static final Map<Tier, String> TIERS = tiers();

    private static Map<Tier, String> tiers() {
        Map<Tier, String> t = new LinkedHashMap<>();
        t.put(new Tier(SchoolingStage.PRESCHOOL, null), "assistance.education.preschool-living");
        t.put(new Tier(SchoolingStage.PRIMARY, DAY), "assistance.education.nonboarding-primary");
        t.put(new Tier(SchoolingStage.PRIMARY, BOARDING), "assistance.education.boarding-primary");
        t.put(new Tier(SchoolingStage.JUNIOR, DAY), "assistance.education.nonboarding-junior");
        t.put(new Tier(SchoolingStage.JUNIOR, BOARDING), "assistance.education.boarding-junior");
        t.put(new Tier(null, SPECIAL), "assistance.education.special-school");
        return t;
    }

    @Override
    public String id() {
        return "education-aid";
    }

    @Override
    public String name() {
        return "家庭经济困难学生生活补助";
    }

    @Override
    public String summary() {
        return "脱贫家庭（含监测帮扶对象家庭）学前教育幼儿和义务教育学生（含特殊教育学校学生），按学段和是否寄宿享受省定生活补助标准";
    }

    @Override
    public List<String> parameterKeys() {
        return List.copyOf(TIERS.values());
    }

    @Override
    public List<Declaration> declarations() {
        return List.of(LODGING_DECLARATION);
    }

    @Override
    public Candidates candidates() {
        return new Candidates("h.category in :categories and m.schooling in :stages", Map.of("categories",
                List.of(HouseholdCategory.POVERTY_ALLEVIATED, HouseholdCategory.MONITORED), "stages",
                List.of(SchoolingStage.PRESCHOOL, SchoolingStage.PRIMARY, SchoolingStage.JUNIOR)));
    }

    @Override
    public Decision assess(Candidate who, ProgrammeRules rules) {
        List<RuleResult> results = new ArrayList<>();
        results.add(Households.poorOrMonitored(rules, who, SOURCE));
        SchoolingStage stage = who.schooling();
        boolean inStage = stage == SchoolingStage.PRESCHOOL || stage == SchoolingStage.PRIMARY || stage == SchoolingStage.JUNIOR;
        results.add(rules.fact("学前教育幼儿或义务教育阶段学生", inStage, "在校情况：" + stage.label(), SOURCE));
        String lodging = who.declared(LODGING_DECLARATION);
        boolean applied = who.declared().containsKey(LODGING);
        Tier tier;
        if (SPECIAL.equals(lodging)) {
            results.add(rules.fact("特殊教育学校在校生须登记残疾", who.disabilityGrade() != null,
                    who.disabilityGrade() == null ? "未登记残疾等级" : "残疾等级：" + who.disabilityGrade() + "级", SOURCE));
            tier = new Tier(null, SPECIAL);
        } else {
            tier = new Tier(stage, stage == SchoolingStage.PRESCHOOL ? null : lodging);
        }
        if (inStage) {
            results.add(rules.tier("补助标准（按学段和住宿情况）", TIERS, tier, tier.label() + (applied ? "（申请时申报）" : "（未申请，按非寄宿生）")));
        }
        BigDecimal amount = inStage ? rules.money(TIERS.get(tier)) : null;
        return Decision.of(this, who.memberId(), results, amount, amount == null ? null
                : tier.label() + "每生每年 " + amount.stripTrailingZeros().toPlainString() + " 元" + (applied ? "" : "；寄宿生、特殊教育学校学生按申请时申报的住宿情况核定")
                        + "（各档：" + rules.tierTable(TIERS, Tier::label) + "）");
    }
}
