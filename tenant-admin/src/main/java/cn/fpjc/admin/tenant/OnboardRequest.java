package cn.fpjc.admin.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Onboard a county: its GB/T 2260 code, Chinese name and province plug-in id; optionally the database cluster to place it
 * on (platform admins; otherwise the least-loaded open cluster).
 */
public record OnboardRequest(
        @NotBlank(message = "请填写县级行政区划代码") String code,
        @NotBlank(message = "请填写县（区）名称") @Size(max = 100, message = "名称不能超过100个字") String name,
        @NotBlank(message = "请选择省份") String province,
        @Size(max = 32, message = "集群名称至多32个字符") String cluster) {

    public OnboardRequest(String code, String name, String province) {
        this(code, name, province, null);
    }
}
