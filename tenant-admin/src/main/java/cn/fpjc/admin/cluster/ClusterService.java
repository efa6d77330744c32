package cn.fpjc.admin.cluster;

import cn.fpjc.admin.audit.PlatformAudit;
import cn.fpjc.admin.error.AdminError;
import cn.fpjc.admin.tenant.Tenant;
import cn.fpjc.admin.tenant.TenantPlacement;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody;
import cn.fpjc.core.platform.tenancy.ClusterConnection;
import cn.fpjc.core.platform.tenancy.ClusterDirectory;
import cn.fpjc.core.platform.tenancy.DatabaseClusters;
import cn.fpjc.core.platform.tenancy.TenantConnections;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * The database clusters counties are placed on: registration (the account checked by connecting, never stored), status and
 * capacity, the platform admin's list with counties and sizes, and placement of a new county on the least-loaded open
 * cluster. Placement locks the cluster rows for the rest of the onboarding transaction, so two onboardings at once cannot
 * both take a cluster's last place.
 */
@ApplicationScoped
public class ClusterService implements ClusterDirectory, TenantPlacement {
    private static final Logger LOG = Logger.getLogger(ClusterService.class);
    private static final String ENTITY = "database_cluster";

    @Inject
    AppClock clock;

    @Inject
    PlatformAudit audit;

    @Inject
    DatabaseClusters pools;

    @Inject
    TenantConnections connections;

    @Inject
    ClusterServers servers;

    /** For tests: the environment credentials are read from. */
    Map<String, String> environment = System.getenv();

    @Override
    public Optional<ClusterConnection> find(String clusterName) {
        DatabaseCluster cluster = QuarkusTransaction.requiringNew().call(() -> DatabaseCluster.<DatabaseCluster>findById(clusterName));
        if (cluster == null || cluster.jdbcUrl == null) {
            return Optional.empty();
        }
        try {
            ClusterCredentials.Account account = ClusterCredentials.read(cluster.credentials, environment);
            return Optional.of(new ClusterConnection(cluster.name, cluster.jdbcUrl, account.username(), account.password(), cluster.poolSize));
        } catch (IOException e) {
            LOG.errorf("database cluster %s: account not readable: %s", clusterName, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The cluster for a new county, to be called inside the transaction that records it: the one asked for (it must be open
     * and below capacity), else the open cluster with the lowest share of its capacity used (ties by name).
     */
    @Override
    public String place(String requested) {
        RowLocks.allClusters();
        List<DatabaseCluster> clusters = DatabaseCluster.<DatabaseCluster>listAll(Sort.ascending("name"));
        Map<String, Long> used = countiesPerCluster();
        if (requested != null && !requested.isBlank()) {
            DatabaseCluster cluster = clusters.stream().filter(c -> c.name.equals(requested.strip())).findFirst()
                    .orElseThrow(() -> new ApiException(AdminError.CLUSTER_UNKNOWN, requested));
            if (cluster.status != ClusterStatus.OPEN) {
                throw new ApiException(AdminError.CLUSTER_NOT_OPEN, cluster.name + "：" + cluster.status.label());
            }
            if (used.getOrDefault(cluster.name, 0L) >= cluster.capacity) {
                throw new ApiException(AdminError.CLUSTER_NOT_OPEN, cluster.name + " 已容纳 " + cluster.capacity + " 个县（区），达到容量");
            }
            return cluster.name;
        }
        return clusters.stream()
                .filter(c -> c.status == ClusterStatus.OPEN && used.getOrDefault(c.name, 0L) < c.capacity)
                .min(Comparator.comparingDouble((DatabaseCluster c) -> (double) used.getOrDefault(c.name, 0L) / c.capacity)
                        .thenComparing(c -> c.name))
                .map(c -> c.name)
                .orElseThrow(() -> new ApiException(AdminError.CLUSTER_CAPACITY_EXHAUSTED));
    }

    /**
     * Counties per cluster as committed now: a locking read, because the transaction's snapshot may predate an onboarding
     * that committed while this one waited for the cluster rows.
     */
    static Map<String, Long> countiesPerCluster() {
        Map<String, Long> used = new HashMap<>();
        List<?> rows = Tenant.getEntityManager()
                .createNativeQuery("SELECT cluster_name, COUNT(*) FROM tenant GROUP BY cluster_name FOR UPDATE").getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            used.put((String) r[0], ((Number) r[1]).longValue());
        }
        return used;
    }

    /** Registers a cluster after connecting to it with the account its reference points to. */
    public ClusterView register(String actor, ClusterRequests.Register request) {
        String name = request.name().strip();
        String url = request.jdbcUrl().strip();
        if (!url.startsWith("jdbc:mysql://") && !url.startsWith("jdbc:mariadb://")) {
            throw invalid("jdbcUrl", AdminError.CLUSTER_INVALID, "JDBC 地址应以 jdbc:mysql:// 开头");
        }
        String problem = ClusterCredentials.problem(request.credentials());
        if (problem != null) {
            throw invalid("credentials", AdminError.CLUSTER_INVALID, problem);
        }
        String reference = request.credentials().strip();
        String version;
        try {
            ClusterCredentials.Account account = ClusterCredentials.read(reference, environment);
            version = serverVersion(url, account);
        } catch (IOException e) {
            throw invalid("credentials", AdminError.CLUSTER_INVALID, e.getMessage());
        } catch (SQLException e) {
            throw invalid("jdbcUrl", AdminError.CLUSTER_UNREACHABLE, ClusterServers.hostAndPort(url) + "：" + e.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (DatabaseCluster.findById(name) != null) {
                throw invalid("name", AdminError.CLUSTER_NAME_TAKEN, name);
            }
            DatabaseCluster cluster = new DatabaseCluster();
            cluster.name = name;
            cluster.jdbcUrl = url;
            cluster.credentials = reference;
            cluster.capacity = request.capacity();
            cluster.poolSize = request.poolSize() == null ? 16 : request.poolSize();
            cluster.status = ClusterStatus.OPEN;
            cluster.createdAt = clock.now();
            cluster.updatedAt = cluster.createdAt;
            cluster.persist();
            audit.record(actor, "REGISTER", ENTITY, name, null, snapshot(cluster));
        });
        LOG.infof("Registered database cluster %s at %s (server %s)", name, ClusterServers.hostAndPort(url), version);
        return view(name);
    }

    /** A refusal naming the request field it is about, so a form can show it beside that input. */
    private static ApiException invalid(String field, AdminError code, String detail) {
        return new ApiException(code, detail, List.of(new ErrorBody.FieldError(field, code.message() + "：" + detail)));
    }

    private static String serverVersion(String url, ClusterCredentials.Account account) throws SQLException {
        Properties properties = new Properties();
        cn.fpjc.core.platform.tenancy.DatabaseClusters.DRIVER_SETTINGS.forEach(properties::setProperty); // what the pool will use
        properties.setProperty("user", account.username());
        properties.setProperty("password", account.password());
        properties.setProperty("connectTimeout", "5000");
        try (Connection c = DriverManager.getConnection(url, properties);
                ResultSet rs = c.createStatement().executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Changes status and/or capacity. */
    public ClusterView update(String actor, String name, ClusterRequests.Update request) {
        QuarkusTransaction.requiringNew().run(() -> {
            RowLocks.cluster(name);
            DatabaseCluster cluster = DatabaseCluster.findById(name);
            if (cluster == null) {
                throw new ApiException(AdminError.CLUSTER_UNKNOWN, name);
            }
            var before = snapshot(cluster);
            if (request.status() != null) {
                cluster.status = request.status();
            }
            if (request.capacity() != null) {
                cluster.capacity = request.capacity();
            }
            cluster.updatedAt = clock.now();
            audit.record(actor, "UPDATE", ENTITY, name, before, snapshot(cluster));
        });
        return view(name);
    }

    /** One cluster with its counties and their sizes; only that cluster's server is asked. */
    public ClusterView view(String name) {
        return views(name).stream().findFirst().orElseThrow(() -> new ApiException(AdminError.CLUSTER_UNKNOWN, name));
    }

    /** Every cluster with its counties and their database sizes, read from each cluster's own metadata. */
    public List<ClusterView> list() {
        return views(null);
    }

    /** {@code only} null: every cluster. */
    private List<ClusterView> views(String only) {
        record Row(DatabaseCluster cluster, List<Tenant> tenants) {
        }
        List<Row> rows = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<Tenant>> byCluster = new HashMap<>();
            List<Tenant> tenants = only == null ? Tenant.<Tenant>listAll(Sort.ascending("code"))
                    : Tenant.<Tenant>list("clusterName", Sort.ascending("code"), only);
            tenants.forEach(t -> byCluster.computeIfAbsent(t.clusterName, k -> new ArrayList<>()).add(t));
            List<DatabaseCluster> clusters = only == null ? DatabaseCluster.<DatabaseCluster>listAll(Sort.ascending("name"))
                    : DatabaseCluster.<DatabaseCluster>findByIdOptional(only).map(List::of).orElse(List.of());
            List<Row> out = new ArrayList<>();
            for (DatabaseCluster c : clusters) {
                out.add(new Row(c, byCluster.getOrDefault(c.name, List.of())));
            }
            return out;
        });
        List<ClusterView> views = new ArrayList<>();
        for (Row row : rows) {
            DatabaseCluster c = row.cluster();
            Map<String, Long> sizes = Map.of();
            String problem = null;
            try {
                sizes = sizes(c.name, row.tenants().stream().map(t -> t.databaseName).toList());
            } catch (SQLException | RuntimeException e) {
                problem = "无法读取该集群的库大小：" + e.getMessage();
            }
            Map<String, Long> measured = sizes;
            List<ClusterView.ClusterTenant> tenants = row.tenants().stream().map(t -> new ClusterView.ClusterTenant(t.code, t.name,
                    t.status.name(), t.status.label(), t.databaseName, measured.get(t.databaseName))).toList();
            long bytes = tenants.stream().mapToLong(t -> t.bytes() == null ? 0 : t.bytes()).sum();
            String server = c.jdbcUrl == null ? servers.serverOf(null) : ClusterServers.hostAndPort(c.jdbcUrl);
            views.add(new ClusterView(c.name, server, c.credentials, c.capacity, c.poolSize, c.status, c.status.label(),
                    tenants.size(), bytes, problem, tenants));
        }
        return views;
    }

    private Map<String, Long> sizes(String cluster, List<String> databases) throws SQLException {
        if (databases.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection c = connections.openServer(cluster);
                PreparedStatement st = c.prepareStatement("SELECT table_schema, SUM(data_length + index_length) FROM information_schema.tables "
                        + "WHERE table_schema IN (" + String.join(",", Collections.nCopies(databases.size(), "?")) + ") GROUP BY table_schema")) {
            for (int i = 0; i < databases.size(); i++) {
                st.setString(i + 1, databases.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return sizes;
    }

    private static Map<String, Object> snapshot(DatabaseCluster c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", c.name);
        out.put("server", c.jdbcUrl == null ? "(configured)" : ClusterServers.hostAndPort(c.jdbcUrl));
        out.put("credentials", String.valueOf(c.credentials));
        out.put("capacity", c.capacity);
        out.put("status", c.status.name());
        return out;
    }
}
