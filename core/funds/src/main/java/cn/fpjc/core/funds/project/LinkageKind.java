package cn.fpjc.core.funds.project;

import cn.fpjc.core.platform.text.Labelled;

/** The 五联五带 kinds of 联农带农 (000 联农带农机制 1–5). */
public enum LinkageKind implements Labelled {
    ASSET_INCOME("资产收益联"),
    EMPLOYMENT("吸纳就业联"),
    INDUSTRY_SERVICE("产业服务联"),
    AGENT_PRODUCTION("代理生产联"),
    SHARE_COOPERATION("入股合作联");

    private final String label;

    LinkageKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
