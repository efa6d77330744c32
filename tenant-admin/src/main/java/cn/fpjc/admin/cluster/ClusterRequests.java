package cn.fpjc.admin.cluster;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Requests of the platform admin's cluster API. */
public final class ClusterRequests {
    private ClusterRequests() {
    }

    /**
     * Registers a cluster. {@code credentials}: {@code env:PREFIX} (PREFIX_USERNAME / PREFIX_PASSWORD in the environment of
     * every replica) or {@code file:/path} (a properties file with username= and password=, on every replica).
     */
    public record Register(
            @NotBlank(message = "请填写集群名称") @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "集群名称用小写字母、数字和连字符，字母开头，至多32个字符") String name,
            @NotBlank(message = "请填写 JDBC 地址") String jdbcUrl,
            @NotBlank(message = "请填写账号来源") String credentials,
            @NotNull(message = "请填写容量（最多容纳的县数）") @Min(value = 1, message = "容量至少为1") @Max(value = 100000, message = "容量过大") Integer capacity,
            @Min(value = 1, message = "连接池至少1个连接") @Max(value = 500, message = "连接池过大") Integer poolSize) {
    }

    /** Changes a cluster's status and/or capacity; a field left out stays as it is. */
    public record Update(ClusterStatus status,
            @Min(value = 1, message = "容量至少为1") @Max(value = 100000, message = "容量过大") Integer capacity) {
    }
}
