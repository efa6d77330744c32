package cn.fpjc.core.platform.tenancy;

import java.util.Optional;

/**
 * Looks up tenants without touching any tenant database. Implemented by the control plane
 * (tenant-admin); core only depends on this interface.
 */
public interface TenantDirectory {
    Optional<TenantInfo> find(String tenantCode);
}
