package cn.fpjc.core.platform.tenancy;

/**
 * What the request path needs to know about a tenant: an immutable snapshot of its registry row. {@code cluster} names the
 * database cluster its database lives on ({@link DatabaseClusters#DEFAULT} for the configured one).
 */
public record TenantInfo(String code, String name, String provinceId, TenantStatus status, String databaseName, String cluster) {
}
