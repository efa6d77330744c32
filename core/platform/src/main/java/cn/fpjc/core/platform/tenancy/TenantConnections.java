package cn.fpjc.core.platform.tenancy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.agroal.DataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Connections of the tenant's cluster pool ({@link DatabaseClusters}: the "tenants" pool for the configured cluster),
 * switched to one tenant's database with {@code setCatalog} on every checkout. Tenant data has a pool of its own because a pooled connection cannot be trusted
 * to come back on a given catalog (inside a JTA transaction Agroal returns it after commit, after
 * Hibernate's release hook); the control plane's pool never sees a switched connection. A connection
 * already on the wanted database is not switched again (the driver knows its current catalog without
 * asking the server), so a request costs no {@code USE} round trip when its connection last served the
 * same county; {@link #openControl} puts a connection back on the home database. Connector/J ignores {@code setSchema} (shared/FACTS.md), which is why Quarkus' built-in
 * SCHEMA resolver cannot be used on MySQL/MariaDB. Used by Hibernate (through
 * {@link CatalogSwitchingConnectionResolver}) and by the tenant migrator.
 */
@ApplicationScoped
public class TenantConnections {
    public static final String DATASOURCE = "tenants";

    @Inject
    @DataSource(DATASOURCE)
    AgroalDataSource dataSource;

    @Inject
    TenancyConfig config;

    /** The database the pool's URL names; connections are put back on it on release, as hygiene. */
    private volatile String homeCatalog;

    @Inject
    DatabaseClusters clusters;

    /** A connection to the tenant's database, on the cluster the tenant is placed on. */
    public Connection open(TenantInfo tenant) throws SQLException {
        return open(tenant.cluster(), tenant.databaseName());
    }

    /** A connection switched to {@code database} on {@code cluster} (null: the configured cluster). */
    public Connection open(String cluster, String database) throws SQLException {
        boolean home = cluster == null || DatabaseClusters.DEFAULT.equals(cluster);
        Connection connection = home ? dataSource.getConnection() : clusters.pool(cluster).getConnection();
        try {
            if (home && homeCatalog == null) {
                homeCatalog = connection.getCatalog();
            }
            if (!database.equals(connection.getCatalog())) {
                connection.setCatalog(database);
            }
            if (config.verifyCatalog()) {
                verify(connection, database);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Returns a connection taken with {@link #open} to the pool, still on the tenant's database: every checkout through
     * {@link #open} sets the catalog it needs before any statement, so resetting it here would only add a round trip.
     */
    public void release(Connection connection) throws SQLException {
        connection.close();
    }

    /** A connection to a cluster's server on no particular database: for CREATE / DROP DATABASE and server-wide reads. */
    public Connection openServer(String cluster) throws SQLException {
        return cluster == null || DatabaseClusters.DEFAULT.equals(cluster) ? openControl() : clusters.pool(cluster).getConnection();
    }

    /** A connection on the pool's home database, for Hibernate's boot-time use with no tenant (it reads no tenant table). */
    public Connection openControl() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (homeCatalog != null && !homeCatalog.equals(connection.getCatalog())) {
                connection.setCatalog(homeCatalog);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    static void verify(Connection connection, String expected) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            String actual = rs.getString(1);
            if (!expected.equals(actual)) {
                throw new IllegalStateException("Tenant routing broken: expected database " + expected + " but connection is on " + actual);
            }
        }
    }
}
