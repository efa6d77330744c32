package cn.fpjc.admin.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

public record CreateUserRequest(
        @NotBlank(message = "请填写用户名") @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "用户名为3—64位字母、数字或 . _ -") String username,
        @NotBlank(message = "请填写姓名") @Size(max = 100, message = "姓名不能超过100个字") String displayName,
        @NotBlank(message = "请设置密码") @Size(min = 8, max = 72, message = "密码长度应为8—72位") String password,
        @NotEmpty(message = "请选择角色") List<String> roles,
        String province,
        String tenant,
        String org) {
}
