package cn.fpjc.admin.tenant;

import cn.fpjc.core.platform.tenancy.TenantStatus;
import java.time.Instant;

public record TenantView(String code, String name, String provinceId, String provinceName, TenantStatus status,
        String statusLabel, String databaseName, String cluster, String schemaVersion, String lastError, Instant createdAt, Instant updatedAt) {
}
