package cn.fpjc.core.platform.tenancy;

import java.util.List;
import java.util.Optional;

/**
 * Looks up tenants without touching any tenant database. Implemented by the control plane
 * (tenant-admin); core only depends on this interface.
 */
public interface TenantDirectory {
    Optional<TenantInfo> find(String tenantCode);

    /** The ACTIVE tenants as the control database has them now (not a cached snapshot), in code order: for background loops. */
    List<TenantInfo> active();
}
