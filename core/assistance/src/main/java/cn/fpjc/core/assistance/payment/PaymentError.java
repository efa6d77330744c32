package cn.fpjc.core.assistance.payment;

import cn.fpjc.core.platform.error.ErrorCode;

/** Errors of payments to the household's 惠民惠农“一卡通” account (issue 13). Names are unique across modules; clients switch on them. */
public enum PaymentError implements ErrorCode {
    PAYMENT_PROGRAMME_NOT_TO_ACCOUNT(409, "该项目的资金不发放到一卡通"),
    PAYMENT_PROGRAMME_UNKNOWN(400, "未知的帮扶项目（项目未登记）"),
    PAYMENT_ACCOUNT_MISSING(409, "该户尚未登记惠民惠农“一卡通”账户，请先登记"),
    PAYMENT_ACCOUNT_NOT_SET(404, "该户尚未登记惠民惠农“一卡通”账户"),
    PAYMENT_ACCOUNT_HOLDER_GONE(409, "“一卡通”持卡人已不是本户在册成员，请先更正账户"),
    PAYMENT_ALREADY_INSTRUCTED(409, "该对象本期已有该项目的支付指令，不能重复发放"),
    PAYMENT_FAILED_USE_REISSUE(409, "该对象本期该项目的支付失败，请更正账户后使用“重新发放”"),
    PAYMENT_IDEMPOTENCY_KEY_REUSED(409, "该幂等键已用于内容不同的请求"),
    PAYMENT_REQUEST_IN_PROGRESS(409, "相同幂等键的请求正在处理或已处理，请查询结果后再操作"),
    PAYMENT_BATCH_STATE(409, "批次当前的状态不能执行此操作"),
    PAYMENT_BATCH_EMPTY(409, "批次中没有有效的支付指令"),
    PAYMENT_INSTRUCTION_STATE(409, "支付指令当前的状态不能执行此操作"),
    PAYMENT_SELF_APPROVAL(409, "批次的创建人不能审核本批次（不相容岗位分离）"),
    PAYMENT_RELEASE_BY_APPROVER(409, "审核本批次的人员不能拨付本批次（不相容岗位分离）"),
    PAYMENT_RELEASE_BY_CREATOR(409, "创建本批次的人员不能拨付本批次（不相容岗位分离）"),
    PAYMENT_ACCOUNT_NOT_CORRECTED(409, "支付失败后该户的“一卡通”账户尚未更正，不能重新发放"),
    PAYMENT_ALREADY_REISSUED(409, "该笔失败的支付已经重新发放过"),
    PAYMENT_INSTRUCTION_NO_TAKEN(409, "支付指令编号已存在，请重试"),
    PAYMENT_RETURN_FILE_INVALID(400, "银行回盘文件不正确，未作任何处理");

    private final int status;
    private final String message;

    PaymentError(int status, String message) {
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
