package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.platform.error.ErrorCode;

/** Errors of the programme engine. Codes are stable and unique across modules; clients switch on the name. */
public enum ProgrammeError implements ErrorCode {
    PROGRAMME_UNKNOWN(404, "没有这个帮扶政策项目"),
    PROGRAMME_YEAR_INVALID(400, "年度不在可查询的范围内（2020年至明年）");

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
