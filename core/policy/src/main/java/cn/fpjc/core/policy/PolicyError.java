package cn.fpjc.core.policy;

import cn.fpjc.core.platform.error.ErrorCode;

/** Errors of province policy: parameters and programmes. Codes are stable and unique across modules (ErrorCodesTest); clients switch on the name. */
public enum PolicyError implements ErrorCode {
    PROGRAMME_NOT_ENABLED(404, "本县未启用该帮扶项目"),
    PARAMETER_UNKNOWN(404, "没有这个参数"),
    PARAMETER_NOT_SET(422, "所需参数尚未设定，不能办理"),
    PARAMETER_NOT_SETTABLE(400, "该参数不能由省级按年度设定"),
    PARAMETER_VALUE_INVALID(400, "参数值不正确");

    private final int status;
    private final String message;

    PolicyError(int status, String message) {
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
