package cn.fpjc.core.funds.allocation;

import cn.fpjc.core.platform.text.Labelled;

/** Where a connecting fund comes from (DOMAIN.md §4; 000 衔接资金使用管理, 004 二(五)). */
public enum FundSource implements Labelled {
    CENTRAL("中央衔接资金"),
    PROVINCIAL("省级衔接资金"),
    CITY("市级衔接资金"),
    COUNTY("县级衔接资金"),
    INTEGRATED("统筹整合涉农资金"),
    PAIRED_ASSISTANCE("定点帮扶资金"),
    DONATION("社会捐赠资金");

    private final String label;

    FundSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
