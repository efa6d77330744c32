package cn.fpjc.core.platform.error;

/** Errors any module may return: input, authentication and tenancy, org tree, calendar, clock, files, concurrency. Codes are stable and unique across modules (ErrorCodesTest); clients switch on the name. */
public enum PlatformError implements ErrorCode {
    VALIDATION_FAILED(400, "提交的数据不符合要求"),
    BAD_REQUEST(400, "请求格式不正确"),
    AUTH_REQUIRED(401, "请先登录"),
    TOKEN_INVALID(401, "登录凭证无效或已过期，请重新登录"),
    FORBIDDEN(403, "您没有执行此操作的权限"),
    CSRF_REFUSED(403, "无法确认此次提交来自本系统的页面，请刷新页面后重新提交"),
    TENANT_SCOPE_REQUIRED(403, "此功能仅限县级及以下用户使用"),
    TENANT_MISMATCH(403, "无权访问其他县的数据"),
    TENANT_UNKNOWN(403, "未找到该县（区）租户"),
    TENANT_SUSPENDED(403, "该县（区）已暂停服务"),
    TENANT_UNAVAILABLE(503, "该县（区）数据库正在初始化或升级失败，暂不可用"),
    TENANT_READ_ONLY(503, "该县（区）的数据库正在迁移到另一集群，暂时只能查看，不能修改；请稍后再试"),
    NOT_FOUND(404, "未找到请求的资源"),
    ORG_UNIT_CODE_INVALID(400, "乡镇、村的统计用区划代码应为12位数字，且属于本县"),
    ORG_UNIT_EXISTS(409, "该区划代码已存在"),
    ORG_UNIT_PARENT_MISSING(400, "所属乡镇不存在，请先添加乡镇"),
    ORG_UNIT_HAS_CHILDREN(409, "该乡镇下还有村，不能删除"),
    IMPORT_FILE_MISSING(400, "请选择要上传的文件"),
    IMPORT_FILE_TYPE(400, "只能导入.xlsx或.csv文件（旧版.xls请先在Excel中另存为.xlsx）"),
    SCAN_INVALID(400, "扫描件只能是不超过5MB的JPEG、PNG图片或PDF文件"),
    CALENDAR_YEAR_MISSING(422, "节假日安排尚未载入"),
    CALENDAR_SCHEDULE_INVALID(400, "节假日安排不正确"),
    CLOCK_NOT_ADJUSTABLE(403, "本环境不允许调整系统日期（仅测试和演示环境可以调整）"),
    CONCURRENT_UPDATE(409, "数据已被他人修改，请刷新后重试"),
    DUPLICATE(409, "该记录已存在，请勿重复提交"),
    DATABASE_BUSY(503, "数据库繁忙（与他人同时修改了相同的数据），本次提交未保存，请稍后重试"),
    PDF_FONT_MISSING(503, "服务器缺少中文字体，暂时无法生成PDF（可先用打印页打印或另存为PDF）"),
    INTERNAL_ERROR(500, "系统内部错误，请稍后重试");

    private final int status;
    private final String message;

    PlatformError(int status, String message) {
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
