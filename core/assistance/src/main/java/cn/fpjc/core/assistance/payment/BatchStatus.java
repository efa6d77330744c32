package cn.fpjc.core.assistance.payment;

import cn.fpjc.core.platform.text.Labelled;

/** A payment batch's road: created → approved (county-approver) → released to the bank (county-finance) → settled by the bank's return. */
public enum BatchStatus implements Labelled {
    DRAFT("待审核"),
    APPROVED("已审核待拨付"),
    RELEASED("已拨付待回盘"),
    SETTLED("已回盘对账");

    private final String label;

    BatchStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
