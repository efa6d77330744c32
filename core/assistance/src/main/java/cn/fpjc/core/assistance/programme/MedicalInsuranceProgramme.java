package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.monitoring.MeasureType;
import cn.fpjc.core.registry.HouseholdCategory;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 医疗救助分类资助参保: the 城乡居民医保 individual contribution of the year, paid for 特困人员 in full and for 低保对象,
 * 返贫致贫人口 and 监测对象 at the province's share (a percentage amount: 380 × 60 % = 228, the member paying 152). Who is 特困
 * or 低保 is read from the 一户一策 measures in force (特困人员救助供养, 最低生活保障); a 脱贫户 member holding neither is not
 * in the groups the policy names. The money pays the contribution; nothing goes to the 一卡通.
 * Sources: 000 “三保障”和饮水安全落实 一、医疗保障 3 (Heilongjiang); 001 第二部分二(二) (Henan: 定额资助 ≥ 80 yuan, no contribution
 * set — undetermined there until the province sets it).
 */
@ApplicationScoped
public class MedicalInsuranceProgramme implements AssistanceProgramme {
    static final String CONTRIBUTION = "assistance.medical.contribution";
    static final String SHARE = "assistance.medical.partial-subsidy-share";
    static final String FULL_GROUPS = "assistance.medical.full-subsidy-groups";
    static final String SOURCE = "000 “三保障”和饮水安全落实 一、医疗保障 3：特困人员等全额资助参保；低保对象、返贫致贫人口、纳入监测范围人口定额资助";

    @Override
    public String id() {
        return "medical-insurance";
    }

    @Override
    public String name() {
        return "医疗救助资助参保";
    }

    @Override
    public String summary() {
        return "特困人员由医疗救助资金全额资助参加城乡居民医保；低保对象、返贫致贫人口、监测对象按省定比例定额资助（直接代缴个人缴费，不发放到一卡通）";
    }

    @Override
    public List<String> parameterKeys() {
        return List.of(CONTRIBUTION, FULL_GROUPS, SHARE);
    }

    @Override
    public boolean paidToAccount() {
        return false;
    }

    @Override
    public Candidates candidates() {
        return new Candidates("h.category in :categories", Map.of("categories",
                List.of(HouseholdCategory.POVERTY_ALLEVIATED, HouseholdCategory.MONITORED)));
    }

    @Override
    public Decision assess(Candidate who, ProgrammeRules rules) {
        List<RuleResult> results = new ArrayList<>();
        boolean tekun = who.measuresInForce().contains(MeasureType.TEKUN);
        boolean dibao = who.measuresInForce().contains(MeasureType.DIBAO);
        boolean monitored = who.category() == HouseholdCategory.MONITORED;
        String fact = "户类型：" + who.category().label() + (tekun ? "；特困人员救助供养（帮扶措施实施中）" : "")
                + (dibao ? "；最低生活保障（帮扶措施实施中）" : "") + (tekun || dibao ? "" : "；未纳入低保或特困供养");
        results.add(rules.fact("特困人员，或低保对象、返贫致贫人口、防止返贫监测对象", tekun || dibao || monitored, fact, SOURCE));
        results.add(rules.withParameter("城乡居民医保个人缴费标准（本年度）", CONTRIBUTION, "按年度标准", v -> true));
        BigDecimal amount;
        String rule;
        if (tekun) {
            results.add(rules.withParameter("特困人员等全额资助", FULL_GROUPS, "特困人员", v -> v.contains("特困")));
            amount = rules.money(CONTRIBUTION);
            rule = amount == null ? null : "全额资助个人缴费 " + plain(amount) + " 元，个人不缴费；由医疗救助资金直接代缴";
        } else {
            results.add(rules.withParameter("定额资助比例", SHARE, monitored ? "防止返贫监测对象" : dibao ? "低保对象" : "—", v -> true));
            amount = rules.percentOf(CONTRIBUTION, SHARE);
            BigDecimal contribution = rules.money(CONTRIBUTION);
            rule = amount == null ? null : "个人缴费 " + plain(contribution) + " 元 × " + rules.parameter(SHARE).value().strip() + "% = 资助 "
                    + plain(amount) + " 元，个人缴纳 " + plain(contribution.subtract(amount)) + " 元；由医疗救助资金直接代缴";
        }
        return Decision.of(this, who.memberId(), results, amount, rule);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
