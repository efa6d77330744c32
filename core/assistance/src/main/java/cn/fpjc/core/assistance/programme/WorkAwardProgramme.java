package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.assistance.welfarejob.WelfareJobService;
import cn.fpjc.core.registry.EmploymentPlace;
import cn.fpjc.core.registry.HouseholdCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 务工生产奖补: a 脱贫 (or monitored) worker in stable employment across provinces or within the province for the province's
 * minimum months, not holding a 公益性岗位 where the province excludes them, gets the province's award for that kind of
 * work once a year. Whether the family can run its own production (also in the source) is confirmed at 村级核实.
 * Source: 000 脱贫人口务工就业 二、务工奖补政策 2.
 */
@ApplicationScoped
public class WorkAwardProgramme implements AssistanceProgramme {
    static final String CROSS = "assistance.work-award.cross-province";
    static final String IN = "assistance.work-award.in-province";
    static final String CROSS_MONTHS = "assistance.work-award.cross-province-min-months";
    static final String IN_MONTHS = "assistance.work-award.in-province-min-months";
    static final String EXCLUDES_POST = "assistance.work-award.excludes-public-welfare-job";
    static final String SOURCE = "000 脱贫人口务工就业 二、务工奖补政策 2：跨省稳定就业3个月以上、省内稳定就业2个月以上的脱贫劳动力（含防止返贫监测对象，不含公益岗人员）";

    @Inject
    WelfareJobService welfareJobs;

    @Override
    public String id() {
        return "work-award";
    }

    @Override
    public String name() {
        return "务工生产奖补";
    }

    @Override
    public String summary() {
        return "脱贫劳动力（含监测对象）跨省或省内稳定就业达到规定月数、家庭能够自主发展生产经营的，每年给予生产奖补（公益岗人员除外）";
    }

    @Override
    public List<String> parameterKeys() {
        return List.of(CROSS, CROSS_MONTHS, IN, IN_MONTHS, EXCLUDES_POST);
    }

    @Override
    public Candidates candidates() {
        return new Candidates("h.category in :categories and m.employmentPlace in :places", Map.of("categories",
                List.of(HouseholdCategory.POVERTY_ALLEVIATED, HouseholdCategory.MONITORED), "places",
                List.of(EmploymentPlace.OUT_OF_PROVINCE, EmploymentPlace.IN_PROVINCE)));
    }

    @Override
    public Decision assess(Candidate who, ProgrammeRules rules) {
        List<RuleResult> results = new ArrayList<>();
        results.add(Households.poorOrMonitored(rules, who, SOURCE));
        boolean cross = who.employmentPlace() == EmploymentPlace.OUT_OF_PROVINCE;
        boolean in = who.employmentPlace() == EmploymentPlace.IN_PROVINCE;
        String place = "务工地点：" + who.employmentPlace().label();
        Integer months = who.employmentMonths();
        String time = place + "，务工时间：" + (months == null ? "未登记" : months + " 个月");
        String amountKey = cross ? CROSS : IN;
        if (!cross && !in) {
            results.add(rules.fact("跨省或省内县外稳定就业", false, place, SOURCE));
        } else {
            results.add(rules.withParameter(cross ? "跨省稳定就业达到规定月数" : "省内稳定就业达到规定月数", cross ? CROSS_MONTHS : IN_MONTHS, time,
                    v -> months != null && months >= Integer.parseInt(v)));
        }
        // Where the province has not said whether post holders are left out, the rule is NOT_SET (undetermined), not skipped.
        boolean holds = welfareJobs.holdsPost(who.memberId(), rules.referenceDate());
        results.add(rules.withParameter("公益性岗位在岗人员是否排除由省里规定", EXCLUDES_POST,
                holds ? rules.referenceDate() + " 在公益性岗位上岗" : "未在公益性岗位上岗", v -> !holds || !"true".equals(v)));
        results.add(rules.withParameter(cross ? "奖补标准（跨省）" : "奖补标准（省内）", amountKey, "按年度标准", v -> true));
        BigDecimal amount = rules.money(amountKey);
        return Decision.of(this, who.memberId(), results, amount,
                amount == null ? null : "每人每年 " + amount.stripTrailingZeros().toPlainString() + " 元（" + (cross ? "跨省" : "省内") + "稳定就业），家庭能够自主发展生产经营的由村级核实确认");
    }
}
