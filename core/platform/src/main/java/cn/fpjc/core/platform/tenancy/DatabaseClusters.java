package cn.fpjc.core.platform.tenancy;

import cn.fpjc.core.platform.ops.PoolMeters;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * One connection pool per database cluster, never one per tenant: a tenant's connections come from its cluster's pool and
 * are switched to its database by catalog ({@link TenantConnections}). The cluster {@value #DEFAULT} is the configured
 * {@code tenants} datasource; every other cluster's pool is built here at run time from {@link ClusterDirectory}, with the
 * same JTA integration Quarkus gives its own datasources (so a Hibernate transaction on a tenant of another cluster commits
 * or rolls back as one).
 */
@ApplicationScoped
public class DatabaseClusters {
    private static final Logger LOG = Logger.getLogger(DatabaseClusters.class);
    public static final String DEFAULT = "default";

    @Inject
    @DataSource(TenantConnections.DATASOURCE)
    AgroalDataSource defaultPool;

    @Inject
    TransactionManager transactionManager;

    @Inject
    TransactionSynchronizationRegistry synchronizationRegistry;

    @Inject
    Instance<ClusterDirectory> directory;

    @Inject
    PoolMeters meters;

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();

    /** {@code metrics}: the pool's Prometheus series (fpjc_db_pool_*{cluster}), removed when the pool is closed. */
    private record Pool(ClusterConnection connection, AgroalDataSource dataSource, AutoCloseable metrics) {
        void unpublish() {
            try {
                metrics.close();
            } catch (Exception e) {
                LOG.debugf("pool metrics of %s: %s", connection.name(), e.getMessage());
            }
        }
    }

    /** The configured pool is the default cluster's: its series exist from the start, like the others' from their first use. */
    void publishDefault(@Observes StartupEvent event) {
        meters.bind(DEFAULT, defaultPool);
    }

    /** The pool of a cluster, connecting to it on first use (a cluster registered on another replica). */
    public AgroalDataSource pool(String cluster) throws SQLException {
        if (cluster == null || DEFAULT.equals(cluster)) {
            return defaultPool;
        }
        Pool pool = pools.get(cluster);
        if (pool != null) {
            return pool.dataSource();
        }
        ClusterConnection connection = directory.isResolvable() ? directory.get().find(cluster).orElse(null) : null;
        if (connection == null) {
            throw new SQLException("database cluster " + cluster + " is not registered");
        }
        return connect(connection);
    }

    /**
     * Builds (or rebuilds, when its URL or account changed) the pool of a cluster. The old pool of a rebuilt cluster is
     * closed after the swap, so requests already holding its connections finish on them.
     */
    public synchronized AgroalDataSource connect(ClusterConnection connection) throws SQLException {
        if (DEFAULT.equals(connection.name())) {
            return defaultPool;
        }
        Pool existing = pools.get(connection.name());
        if (existing != null && existing.connection().equals(connection)) {
            return existing.dataSource();
        }
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(true)
                .connectionPoolConfiguration(pool -> pool
                        .minSize(0).initialSize(0).maxSize(connection.maxPoolSize())
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .validationTimeout(Duration.ofMinutes(2))
                        .reapTimeout(Duration.ofMinutes(5))
                        .transactionIntegration(new NarayanaTransactionIntegration(transactionManager, synchronizationRegistry))
                        .connectionFactoryConfiguration(factory -> {
                            factory.jdbcUrl(connection.jdbcUrl())
                                    .connectionProviderClassName("com.mysql.cj.jdbc.Driver")
                                    .principal(new NamePrincipal(connection.username()))
                                    .credential(new SimplePassword(connection.password()));
                            DRIVER_SETTINGS.forEach(factory::jdbcProperty);
                            return factory;
                        }));
        AgroalDataSource dataSource = AgroalDataSource.from(config);
        if (existing != null) {
            existing.unpublish(); // the cluster's series read the new pool from now on
        }
        pools.put(connection.name(), new Pool(connection, dataSource, meters.bind(connection.name(), dataSource)));
        if (existing != null) {
            existing.dataSource().close();
        }
        LOG.infof("Connected to database cluster %s", connection);
        return dataSource;
    }

    /** The clusters this process holds a pool for, the configured one included. */
    public Set<String> connected() {
        Set<String> names = new TreeSet<>(pools.keySet());
        names.add(DEFAULT);
        return names;
    }

    /**
     * Connector/J settings of every pool, the registered clusters' here and the configured datasources' in
     * application.properties ({@code additional-jdbc-properties}, kept equal by DriverSettingsTest): each connection keeps
     * the parsed form of the statements it prepared (a profile of the ID search under load spent ~10% of the request in
     * the driver re-parsing the same SQL), the driver's OpenTelemetry spans are off (no tracing is exported), and the server
     * may ask for no local file: {@link cn.fpjc.core.platform.bulkload.LocalInfile} sends only the import's own stream (set
     * here, these win over the same keys in a cluster's JDBC URL, so a URL cannot switch file reading back on).
     */
    public static final java.util.Map<String, String> DRIVER_SETTINGS = java.util.Map.of(
            "cachePrepStmts", "true", "prepStmtCacheSize", "250", "prepStmtCacheSqlLimit", "2048", "openTelemetry", "DISABLED",
            "allowLoadLocalInfileInPath", cn.fpjc.core.platform.bulkload.LocalInfile.NO_FILES_PATH, "allowLoadLocalInfile", "false",
            "allowUrlInLocalInfile", "false");

    @PreDestroy
    void close() {
        pools.values().forEach(p -> {
            p.unpublish();
            p.dataSource().close();
        });
        pools.clear();
    }
}
