package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.platform.error.ErrorCode;

/** Errors of 脱贫人口小额信贷 (and of every loan product on the same engine). Codes are stable and unique across modules. */
public enum LoanError implements ErrorCode {
    LOAN_NOT_ELIGIBLE(422, "不符合贷款条件"),
    LOAN_TERMS_INVALID(422, "贷款金额、期限或利率不符合产品规定"),
    LOAN_STATUS_INVALID(409, "该笔贷款当前状态不能这样办理"),
    LOAN_RENEWAL_USED(409, "该笔贷款已办理过续贷或展期，按政策只能办理一次"),
    LOAN_RENEWAL_KIND_NOT_ALLOWED(422, "该贷款产品不允许这种续贷或展期方式"),
    LOAN_CONTRACT_NO_TAKEN(409, "该借款合同编号已登记在另一笔贷款上"),
    LOAN_REPAYMENT_TOO_LARGE(422, "还款本金超过贷款余额"),
    LOAN_LEDGER_ROW_DUPLICATE(409, "该笔银行台账还款记录已导入过"),
    LOAN_PRODUCT_PARAMETER_INVALID(422, "贷款产品参数格式不正确，请联系管理员检查参数设定");

    private final int status;
    private final String message;

    LoanError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String message() {
        return message;
    }
}
