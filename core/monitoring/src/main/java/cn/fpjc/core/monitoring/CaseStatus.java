package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.text.Labelled;

/** Where a procedure case stands. */
public enum CaseStatus implements Labelled {
    IN_PROGRESS("办理中"),
    COMPLETED("已完成"),
    REJECTED("不予纳入");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
