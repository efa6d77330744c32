package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.registry.HouseholdCategory;

/** Rules about the household that several programmes share. */
final class Households {
    private Households() {
    }

    /** 脱贫户 or 监测户 (防止返贫监测对象): who the generic programmes are for. */
    static RuleResult poorOrMonitored(ProgrammeRules rules, Candidate who, String source) {
        boolean ok = who.category() == HouseholdCategory.POVERTY_ALLEVIATED || who.category() == HouseholdCategory.MONITORED;
        return rules.fact("脱贫户或防止返贫监测对象家庭", ok, "户类型：" + who.category().label(), source);
    }
}
