package cn.fpjc.core.registry;

import cn.fpjc.core.platform.error.ErrorCode;

/** Errors of the household registry and its import. Codes are stable and unique across modules (ErrorCodesTest); clients switch on the name. */
public enum RegistryError implements ErrorCode {
    ID_NUMBER_INVALID(400, "身份证号不正确"),
    PERSON_ALREADY_REGISTERED(409, "该身份证号已在本县户籍信息中登记"),
    HOUSEHOLD_NO_TAKEN(409, "户编号已存在"),
    HOUSEHOLD_HEAD_RULE(400, "每户须有且只有一名户主"),
    HOUSEHOLD_CLOSED(409, "该户已合户注销，不能再修改"),
    VILLAGE_OUT_OF_SCOPE(400, "所选村不属于本县，或不在您的管辖范围内"),
    REVEAL_REASON_REQUIRED(400, "查看完整身份证号须填写查询事由"),
    IMPORT_STATE_CONFLICT(409, "导入任务当前的状态不能执行此操作"),
    IMPORT_STAGING_FULL(409, "本县待确认的导入数据已达上限，请先确认或等待已有的导入任务完成后再上传"),
    INCOME_LOCKED(409, "该统计期的收入是风险消除的依据，标注后已锁定；如需更正，请由县级先回退");

    private final int status;
    private final String message;

    RegistryError(int status, String message) {
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
