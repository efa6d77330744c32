package cn.fpjc.core.funds;

import cn.fpjc.core.platform.error.ErrorCode;

/** Errors of the funds module. Codes are stable and unique across modules; clients switch on the name. */
public enum FundsError implements ErrorCode {
    ALLOCATION_EXISTS(409, "该指标文件的这一资金来源已登记"),
    FUNDS_YEAR_NOT_SET(422, "本省尚未设定该年度的衔接资金参数"),
    PROJECT_REFUSED(422, "项目不符合入库或审批条件"),
    PROJECT_STEP_NOT_ALLOWED(409, "项目当前所处环节不能办理该操作"),
    NOTICE_NOT_OVER(409, "公示（公告）期未满，不能进入下一环节"),
    NOTICE_EXISTS(409, "该项目这一环节的公示（公告）已发布"),
    CHANGE_PENDING(409, "该项目已有待审批的变更，审批后再提出新的变更"),
    PLAN_EXISTS(409, "该年度项目实施计划已编制完成"),
    FUNDING_EXCEEDS_ALLOCATION(422, "项目安排的资金超过该指标文件尚未安排的金额"),
    FEE_CAP_EXCEEDED(422, "项目管理费超过规定比例"),
    POOLING_CAP_EXCEEDED(422, "统筹支持非脱贫村的资金超过规定比例");

    private final int status;
    private final String message;

    FundsError(int status, String message) {
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
