package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.platform.text.Labelled;

/** An application becomes a loan: 申请 → 审批同意（或不同意）→ 放款 → 结清. */
public enum LoanStatus implements Labelled {
    APPLIED("已申请"),
    APPROVED("已审批同意"),
    REFUSED("审批未同意"),
    DISBURSED("已放款"),
    CLOSED("已结清");

    private final String label;

    LoanStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Counts towards the household's total (the 5万/10万 limits): approved or running. */
    public boolean holdsAmount() {
        return this == APPROVED || this == DISBURSED;
    }
}
