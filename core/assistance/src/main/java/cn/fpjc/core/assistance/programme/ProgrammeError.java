package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.platform.error.ErrorCode;

/** Errors of the programme engine. Codes are stable and unique across modules; clients switch on the name. */
public enum ProgrammeError implements ErrorCode {
    PROGRAMME_UNKNOWN(404, "没有这个帮扶政策项目"),
    PROGRAMME_YEAR_INVALID(400, "年度不在可查询的范围内（2020年至明年）"),
    PROGRAMME_ON_APPLICATION_ONLY(409, "该项目依申请办理，没有应享未享名单"),
    APPLICATION_WINDOW_CLOSED(409, "不在该项目本年度的申请期内"),
    APPLICATION_NOT_ENTITLED(409, "不符合该项目的补助条件"),
    APPLICATION_EXISTS(409, "该成员本年度已申请过这个项目，不能重复申请"),
    HOUSEHOLD_APPLICATION_EXISTS(409, "该户已申请过这个项目（以户为单位，不重复补助）"),
    APPLICATION_STEP_INVALID(409, "申请当前的办理环节不能这样办理"),
    NOTICE_PERIOD_TOO_SHORT(400, "公示时间不足规定天数"),
    NOTICE_NOT_ENDED(409, "公示期尚未结束，不能审批");

    private final int status;
    private final String message;

    ProgrammeError(int status, String message) {
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
