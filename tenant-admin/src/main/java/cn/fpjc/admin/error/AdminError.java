package cn.fpjc.admin.error;

import cn.fpjc.core.platform.error.ErrorCode;

/** Errors of the control plane: sign-in, tenants and users. Codes are stable and unique across modules (ErrorCodesTest); clients switch on the name. */
public enum AdminError implements ErrorCode {
    AUTH_FAILED(401, "用户名或密码错误"),
    ACCOUNT_LOCKED(423, "连续登录失败次数过多，账号已临时锁定"),
    ACCOUNT_DISABLED(403, "账号已停用"),
    PROVINCE_SCOPE(403, "只能管理本省的县（区）"),
    COUNTY_CODE_INVALID(400, "县级行政区划代码应为6位数字（GB/T 2260），且末两位不能为00"),
    COUNTY_CODE_TAKEN(409, "该行政区划代码已被其他县（区）使用"),
    COUNTY_CODE_PROVINCE_MISMATCH(400, "行政区划代码的前两位与所选省份不符"),
    PROVINCE_PLUGIN_MISSING(400, "没有该省份的插件，无法开通"),
    TENANT_STATE_CONFLICT(409, "当前状态下不能执行此操作"),
    TENANT_PROVISIONING_FAILED(500, "开通县（区）时数据库初始化失败"),
    USERNAME_TAKEN(409, "用户名已存在"),
    ROLE_INVALID(400, "角色与所属单位不匹配"),
    USER_SELF_DISABLE(409, "不能停用自己的账号"),
    CLUSTER_UNKNOWN(404, "没有这个数据库集群"),
    CLUSTER_INVALID(400, "数据库集群的设置不正确"),
    CLUSTER_NAME_TAKEN(409, "数据库集群名称已存在"),
    CLUSTER_UNREACHABLE(400, "无法连接该数据库集群"),
    CLUSTER_NOT_OPEN(409, "该数据库集群当前不接收新的县（区）"),
    CLUSTER_CAPACITY_EXHAUSTED(409, "没有尚有容量的开放数据库集群，请先增加集群或调高容量"),
    MOVE_CONFLICT(409, "该县（区）当前不能迁移"),
    MOVE_UNKNOWN(404, "没有这次迁移"),
    MOVE_FAILED(500, "迁移失败，已回滚，县（区）仍在原集群上服务");

    private final int status;
    private final String message;

    AdminError(int status, String message) {
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
