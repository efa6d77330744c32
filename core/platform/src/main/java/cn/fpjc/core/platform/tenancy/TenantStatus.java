package cn.fpjc.core.platform.tenancy;

/** Life cycle of a county tenant, as recorded in the control plane's registry. */
public enum TenantStatus {
    /** Database being created and migrated for the first time. */
    PROVISIONING("开通中"),
    /** Serving requests. */
    ACTIVE("正常"),
    /** Migrations running (startup or upgrade). */
    MIGRATING("升级中"),
    /** The last migration failed; see the registry's last error. The other tenants keep serving. */
    FAILED("初始化失败"),
    /**
     * Its database is being copied to another cluster (README "Running at scale"): reads are served from the source,
     * writes are refused until the switch.
     */
    MOVING("迁移中（只读）"),
    /** Switched off by a province or platform admin; data kept. */
    SUSPENDED("已暂停");

    private final String label;

    TenantStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
