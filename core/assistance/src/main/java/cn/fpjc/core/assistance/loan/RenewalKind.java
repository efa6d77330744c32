package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.platform.text.Labelled;

/** What a product allows once a loan cannot be repaid on time: 续贷, 展期, or (富农产业贷) 无还本续贷. */
public enum RenewalKind implements Labelled {
    RENEWAL("续贷"),
    EXTENSION("展期"),
    NO_PRINCIPAL_RENEWAL("无还本续贷");

    private final String label;

    RenewalKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
