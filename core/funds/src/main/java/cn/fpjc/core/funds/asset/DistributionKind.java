package cn.fpjc.core.funds.asset;

import cn.fpjc.core.platform.text.Labelled;

/** What a line of an income distribution pays for (000 联农带农机制 1、2): work or need, never a flat hand-out. */
public enum DistributionKind implements Labelled {
    WELFARE_JOB_WAGE("公益岗位工资"),
    LABOUR_PAY("务工劳务报酬"),
    MONITORED_PRIORITY("监测对象优先帮扶"),
    BASIC_LIVING("无劳动能力基本生活保障"),
    AWARD_SUBSIDY("以奖代补"),
    COLLECTIVE_RETAINED("村集体留存（公益事业）");

    private final String label;

    DistributionKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
