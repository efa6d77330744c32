package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.platform.text.Labelled;

/** How a loan is repaid (the bank's contract says which). */
public enum RepaymentMethod implements Labelled {
    /** Interest every 3 months from disbursement (a last shorter period if the term is not whole quarters), all principal at maturity. */
    QUARTERLY_INTEREST("按季付息、到期还本"),
    /** Equal monthly instalments of principal and interest (等额本息). */
    EQUAL_INSTALMENTS("按月等额本息");

    private final String label;

    RepaymentMethod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
