package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.text.Labelled;

/** Kinds of follow-up (DOMAIN.md §2 Follow-up). */
public enum VisitKind implements Labelled {
    OFFICIAL("帮扶责任人走访"),
    TEAM("驻村工作队走访"),
    LOOKBACK("回头看");

    private final String label;

    VisitKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
