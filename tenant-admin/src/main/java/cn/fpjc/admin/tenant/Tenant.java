package cn.fpjc.admin.tenant;

import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A county tenant in the control plane's registry. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {
    /** GB/T 2260 county code, 6 digits. */
    @Id
    @Column(length = 6)
    public String code;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "province_id", nullable = false, length = 32)
    public String provinceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public TenantStatus status;

    @Column(name = "database_name", nullable = false, length = 64)
    public String databaseName;

    /** The database cluster holding the county's database (README "Running at scale"). */
    @Column(name = "cluster_name", nullable = false, length = 32)
    public String clusterName = cn.fpjc.core.platform.tenancy.DatabaseClusters.DEFAULT;

    /** Whether the county shares its figures township by township with its province (README "Roll-ups"). */
    @Column(name = "shares_townships", nullable = false)
    public boolean sharesTownships = true;

    /** "count:last changeSet id" of the tenant's applied changelogs, after the last successful migration. */
    @Column(name = "schema_version")
    public String schemaVersion;

    /** SHA-256 of the changeSets applied by the last successful migration ({@link TenantMigrator#fingerprint}). */
    @Column(name = "schema_fingerprint", length = 64)
    public String schemaFingerprint;

    @Column(name = "last_error", columnDefinition = "TEXT")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public TenantInfo toInfo() {
        return new TenantInfo(code, name, provinceId, status, databaseName, clusterName);
    }
}
