package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.registry.EmploymentPlace;
import cn.fpjc.core.registry.HouseholdCategory;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 跨省务工交通补助: a 脱贫 (or monitored) worker employed in another province for at least the province's minimum months
 * gets one return-trip subsidy a year, up to the province's amount, the actual fare where it is lower.
 * Source: 000 脱贫人口务工就业 二、务工奖补政策 1.
 */
@ApplicationScoped
public class TransportSubsidyProgramme implements AssistanceProgramme {
    static final String AMOUNT = "assistance.transport-subsidy.cross-province";
    static final String MIN_MONTHS = "assistance.transport-subsidy.min-months-employed";
    static final String SOURCE = "000 脱贫人口务工就业 二、务工奖补政策 1：跨省稳定就业3个月以上的脱贫劳动力（含防止返贫监测对象）";

    @Override
    public String id() {
        return "transport-subsidy";
    }

    @Override
    public String name() {
        return "跨省务工交通补助";
    }

    @Override
    public String summary() {
        return "脱贫劳动力（含监测对象）跨省稳定就业达到规定月数的，每人每年一次性往返交通补助，实际交通费不足的据实补助";
    }

    @Override
    public List<String> parameterKeys() {
        return List.of(AMOUNT, MIN_MONTHS);
    }

    @Override
    public boolean actualCostUpToAmount() {
        return true;
    }

    @Override
    public Candidates candidates() {
        return new Candidates("h.category in :categories and m.employmentPlace = :place", Map.of("categories",
                List.of(HouseholdCategory.POVERTY_ALLEVIATED, HouseholdCategory.MONITORED), "place", EmploymentPlace.OUT_OF_PROVINCE));
    }

    @Override
    public Decision assess(Candidate who, ProgrammeRules rules) {
        List<RuleResult> results = new ArrayList<>();
        results.add(Households.poorOrMonitored(rules, who, SOURCE));
        results.add(rules.fact("在省外务工（跨省就业）", who.employmentPlace() == EmploymentPlace.OUT_OF_PROVINCE,
                "务工地点：" + who.employmentPlace().label(), SOURCE));
        Integer months = who.employmentMonths();
        results.add(rules.withParameter("跨省稳定就业达到规定月数", MIN_MONTHS, "务工时间：" + (months == null ? "未登记" : months + " 个月"),
                v -> months != null && months >= Integer.parseInt(v)));
        results.add(rules.withParameter("补助标准（每人每年最高）", AMOUNT, "按年度标准", v -> true));
        BigDecimal cap = rules.money(AMOUNT);
        return Decision.of(this, who.memberId(), results, cap,
                cap == null ? null : "每人每年一次，最高 " + cap.stripTrailingZeros().toPlainString() + " 元；实际往返交通费不足的据实补助");
    }
}
