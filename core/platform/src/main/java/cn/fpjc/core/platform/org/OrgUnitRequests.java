package cn.fpjc.core.platform.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public final class OrgUnitRequests {
    private OrgUnitRequests() {
    }

    /** New township (code ends in 000) or village (its township must exist). */
    public record Create(
            @NotBlank(message = "请填写区划代码") @Pattern(regexp = "\\d{12}", message = "区划代码应为12位数字") String code,
            @NotBlank(message = "请填写名称") @Size(max = 100, message = "名称不能超过100个字") String name) {
    }

    /** Rename; version is the one the client read (optimistic locking). */
    public record Rename(
            @NotBlank(message = "请填写名称") @Size(max = 100, message = "名称不能超过100个字") String name,
            @NotNull(message = "请提供读取时的版本号") Long version) {
    }
}
