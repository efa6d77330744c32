package cn.fpjc.core.funds.spending;

import cn.fpjc.core.platform.error.ErrorCode;

/** Errors of 资金支出. Codes are stable and unique across modules; clients switch on the name. */
public enum SpendingError implements ErrorCode {
    SPENDING_PROJECT_NOT_APPROVED(409, "项目尚未立项批复（或已不在实施中），不能登记支出"),
    SPENDING_FUNDING_NOT_ALLOCATED(409, "该资金来源行尚未对应资金指标文件，不能登记支出"),
    SPENDING_EXCEEDS_FUNDING(422, "支出合计将超过该资金来源行安排的金额"),
    SPENDING_VOUCHER_EXISTS(409, "该项目已登记过这个凭证号"),
    SPENDING_ALREADY_REVERSED(409, "该笔支出已冲销，不能重复冲销"),
    SPENDING_REVERSAL_NOT_REVERSIBLE(409, "冲销记录本身不能再冲销，请登记一笔新的支出"),
    SPENDING_DATE_INVALID(422, "支出日期不能早于资金到账或立项批复日期，也不能晚于今天");

    private final int status;
    private final String message;

    SpendingError(int status, String message) {
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
