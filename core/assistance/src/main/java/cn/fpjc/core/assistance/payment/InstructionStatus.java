package cn.fpjc.core.assistance.payment;

import cn.fpjc.core.platform.text.Labelled;

/**
 * A payment instruction: PENDING in a batch not yet released, SENT once released to the bank, then PAID or FAILED by the
 * bank's return file; CANCELLED when taken out of a draft batch. FAILED and CANCELLED no longer count for "one payment
 * per programme, period and beneficiary" (the generated column {@code live_member_id}).
 */
public enum InstructionStatus implements Labelled {
    PENDING("待拨付"),
    SENT("已提交银行"),
    PAID("已入账"),
    FAILED("支付失败"),
    CANCELLED("已撤销");

    private final String label;

    InstructionStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
