package cn.fpjc.core.platform.error;

/**
 * Stable machine codes for every error the API returns, each with its HTTP status and the Chinese
 * message shown to people. Clients switch on {@link #name()}, never on the message.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "提交的数据不符合要求"),
    BAD_REQUEST(400, "请求格式不正确"),
    AUTH_REQUIRED(401, "请先登录"),
    AUTH_FAILED(401, "用户名或密码错误"),
    TOKEN_INVALID(401, "登录凭证无效或已过期，请重新登录"),
    ACCOUNT_LOCKED(423, "连续登录失败次数过多，账号已临时锁定"),
    ACCOUNT_DISABLED(403, "账号已停用"),
    FORBIDDEN(403, "您没有执行此操作的权限"),
    TENANT_SCOPE_REQUIRED(403, "此功能仅限县级及以下用户使用"),
    TENANT_MISMATCH(403, "无权访问其他县的数据"),
    TENANT_UNKNOWN(403, "未找到该县（区）租户"),
    TENANT_SUSPENDED(403, "该县（区）已暂停服务"),
    TENANT_UNAVAILABLE(503, "该县（区）数据库正在初始化或升级失败，暂不可用"),
    PROVINCE_SCOPE(403, "只能管理本省的县（区）"),
    NOT_FOUND(404, "未找到请求的资源"),
    COUNTY_CODE_INVALID(400, "县级行政区划代码应为6位数字（GB/T 2260），且末两位不能为00"),
    COUNTY_CODE_TAKEN(409, "该行政区划代码已被其他县（区）使用"),
    COUNTY_CODE_PROVINCE_MISMATCH(400, "行政区划代码的前两位与所选省份不符"),
    PROVINCE_PLUGIN_MISSING(400, "没有该省份的插件，无法开通"),
    TENANT_STATE_CONFLICT(409, "当前状态下不能执行此操作"),
    TENANT_PROVISIONING_FAILED(500, "开通县（区）时数据库初始化失败"),
    ORG_UNIT_CODE_INVALID(400, "乡镇、村的统计用区划代码应为12位数字，且属于本县"),
    ORG_UNIT_EXISTS(409, "该区划代码已存在"),
    ORG_UNIT_PARENT_MISSING(400, "所属乡镇不存在，请先添加乡镇"),
    ORG_UNIT_HAS_CHILDREN(409, "该乡镇下还有村，不能删除"),
    USERNAME_TAKEN(409, "用户名已存在"),
    ROLE_INVALID(400, "角色与所属单位不匹配"),
    PROGRAMME_NOT_ENABLED(404, "本县未启用该帮扶项目"),
    PARAMETER_UNKNOWN(404, "没有这个参数"),
    PARAMETER_NOT_SET(422, "所需参数尚未设定，不能办理"),
    PARAMETER_NOT_SETTABLE(400, "该参数不能由省级按年度设定"),
    PARAMETER_VALUE_INVALID(400, "参数值不正确"),
    ID_NUMBER_INVALID(400, "身份证号不正确"),
    PERSON_ALREADY_REGISTERED(409, "该身份证号已在本县户籍信息中登记"),
    HOUSEHOLD_NO_TAKEN(409, "户编号已存在"),
    HOUSEHOLD_HEAD_RULE(400, "每户须有且只有一名户主"),
    HOUSEHOLD_CLOSED(409, "该户已合户注销，不能再修改"),
    VILLAGE_OUT_OF_SCOPE(400, "所选村不属于本县，或不在您的管辖范围内"),
    REVEAL_REASON_REQUIRED(400, "查看完整身份证号须填写查询事由"),
    IMPORT_FILE_MISSING(400, "请选择要上传的文件"),
    IMPORT_FILE_TYPE(400, "只能导入.xlsx或.csv文件（旧版.xls请先在Excel中另存为.xlsx）"),
    IMPORT_STATE_CONFLICT(409, "导入任务当前的状态不能执行此操作"),
    CASE_ALREADY_OPEN(409, "该户已有正在办理的程序（识别、风险消除或兜底保障认定）"),
    HOUSEHOLD_ALREADY_MONITORED(409, "该户已是监测对象，不再重复识别；风险消除后又出现新风险的，由县级“风险再标注”"),
    PLAN_LOCKED(409, "风险已消除并标注，帮扶措施和收入已锁定；如需变更，请由县级先回退"),
    PLAN_NOT_ALLOWED(409, "县级审定后才能制定帮扶计划（绿色通道案件可先行帮扶）"),
    ELIMINATION_CONDITIONS_UNMET(409, "不符合风险消除条件"),
    INCOME_LOCKED(409, "该统计期的收入是风险消除的依据，标注后已锁定；如需更正，请由县级先回退"),
    ATTACHMENT_INVALID(400, "附件只能是不超过5MB的JPEG、PNG图片或PDF文件"),
    CASE_TRANSITION_INVALID(409, "案件当前状态不能这样办理"),
    CLUE_CLOSED(409, "该线索已核实办结"),
    SELF_REPORT_RATE_LIMITED(429, "提交过于频繁，请稍后再试；如情况紧急请拨打村（社区）或12317电话"),
    CALENDAR_YEAR_MISSING(422, "节假日安排尚未载入"),
    CALENDAR_SCHEDULE_INVALID(400, "节假日安排不正确"),
    CONCURRENT_UPDATE(409, "数据已被他人修改，请刷新后重试"),
    INTERNAL_ERROR(500, "系统内部错误，请稍后重试");

    private final int status;
    private final String message;

    ErrorCode(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
