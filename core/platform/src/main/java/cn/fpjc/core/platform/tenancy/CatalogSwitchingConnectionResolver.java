package cn.fpjc.core.platform.tenancy;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/** Database-per-tenant for Hibernate's default persistence unit, on top of {@link TenantConnections}. */
@ApplicationScoped
@PersistenceUnitExtension
public class CatalogSwitchingConnectionResolver implements TenantConnectionResolver {
    @Inject
    TenantConnections connections;

    @Inject
    TenancyConfig config;

    @Inject
    TenantDirectory directory;

    private final Map<String, ConnectionProvider> providers = new ConcurrentHashMap<>();

    @Override
    public ConnectionProvider resolve(String tenantId) {
        return providers.computeIfAbsent(tenantId, id -> new Provider(HibernateTenantResolver.NO_TENANT.equals(id) ? null : id));
    }

    /** Looks the tenant up on every checkout: a county moved to another cluster is served from there at once. */
    private final class Provider implements ConnectionProvider {
        private final String tenant;

        Provider(String tenant) {
            this.tenant = tenant;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (tenant == null) {
                return connections.openControl();
            }
            var info = directory.find(tenant);
            // A tenant not (yet) in the registry snapshot can only be on the configured cluster, under its derived name.
            return info.isPresent() ? connections.open(info.get()) : connections.open(null, config.databaseFor(tenant));
        }

        @Override
        public void closeConnection(Connection connection) throws SQLException {
            if (tenant == null) {
                connection.close();
            } else {
                connections.release(connection);
            }
        }

        @Override
        public boolean supportsAggressiveRelease() {
            return false;
        }

        @Override
        public boolean isUnwrappableAs(Class<?> type) {
            return false;
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
