package cn.fpjc.core.assistance.welfarejob;

import cn.fpjc.core.platform.error.ErrorCode;

/** Errors of 乡村公益性岗位. Codes are stable and unique across modules; clients switch on the name. */
public enum WelfareJobError implements ErrorCode {
    WAGE_BELOW_MINIMUM(400, "岗位补贴低于当地最低工资标准的规定比例"),
    POSITION_CLOSED(409, "该岗位已停用"),
    POSITION_TAKEN(409, "该岗位已有在岗人员（一岗一人）"),
    MEMBER_ALREADY_PLACED(409, "该成员已在其他公益性岗位上岗（一人一岗）"),
    PLACEMENT_REFUSED(409, "不符合公益性岗位安置条件"),
    PAYROLL_MONTH_INVALID(400, "发放月份应为 yyyy-MM，且是已结束的月份（当月结束后生成）"),
    PAYROLL_EXISTS(409, "该月的岗位补贴已生成，不能重复生成");

    private final int status;
    private final String message;

    WelfareJobError(int status, String message) {
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
