package cn.fpjc.admin.cluster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A database cluster counties can be placed on (README "Running at scale"). The account is never stored: {@code credentials}
 * says where to read it when connecting ({@code env:PREFIX} → PREFIX_USERNAME / PREFIX_PASSWORD, or {@code file:/path} → a
 * properties file with username= and password=). The cluster "default" is the configured tenants datasource.
 */
@Entity
@Table(name = "database_cluster")
public class DatabaseCluster extends PanacheEntityBase {
    @Id
    @Column(length = 32)
    public String name;

    /** Null for "default": its URL is the configured {@code quarkus.datasource.tenants.jdbc.url}. */
    @Column(name = "jdbc_url", length = 500)
    public String jdbcUrl;

    @Column(length = 300)
    public String credentials;

    /** How many counties it takes at most. */
    @Column(nullable = false)
    public int capacity;

    @Column(name = "pool_size", nullable = false)
    public int poolSize;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ClusterStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
