package cn.fpjc.admin.tenant;

import cn.fpjc.core.platform.plugin.ProvincePlugin;
import cn.fpjc.core.policy.programme.Programme;
import cn.fpjc.core.policy.programme.Programmes;
import cn.fpjc.core.platform.tenancy.TenantChangelog;
import cn.fpjc.core.platform.tenancy.TenantConnections;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import liquibase.ChecksumVersion;
import liquibase.Contexts;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Creates a tenant database and applies each core module's changelog in dependency order, then the province plug-in's, through
 * Liquibase's API on a connection switched to that database. One migration at a time per process:
 * Liquibase is not safe to run concurrently in one JVM (shared/FACTS.md).
 */
@ApplicationScoped
public class TenantMigrator {
    @Inject
    TenantConnections connections;

    @Inject
    Instance<TenantChangelog> moduleChangelogs;

    private final ReentrantLock lock = new ReentrantLock();

    static {
        // Liquibase prints a summary per changelog to stdout; with hundreds of tenants that buries the log.
        System.setProperty("liquibase.showSummaryOutput", System.getProperty("liquibase.showSummaryOutput", "log"));
        System.setProperty("liquibase.showSummary", System.getProperty("liquibase.showSummary", "summary"));
        System.setProperty("liquibase.uiService", System.getProperty("liquibase.uiService", "logger"));
    }

    @Inject
    Programmes programmes;

    /**
     * Creates the database if needed and brings it up to date — core's changelog, the province
     * plug-in's, then each programme the county has — and returns the resulting schema version.
     */
    public String migrate(String tenantCode, String cluster, String database, ProvincePlugin plugin) throws Exception {
        lock.lock();
        try {
            createDatabase(cluster, database);
            List<String> changelogs = changelogsFor(tenantCode, plugin);
            Connection connection = connections.open(cluster, database);
            try {
                Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                db.setDefaultCatalogName(database);
                ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(Thread.currentThread().getContextClassLoader());
                // The tenant as a context keeps Liquibase from answering "up to date" from another tenant's run.
                Contexts contexts = new Contexts("tenant-" + tenantCode);
                for (String changelog : changelogs) {
                    // Not closed: closing would close the pooled connection while it still points at the tenant.
                    new Liquibase(changelog, resources, db).update(contexts, new LabelExpression());
                }
                return schemaVersion(connection);
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                connections.release(connection);
                LockServiceFactory.getInstance().resetAll();
                ChangeLogHistoryServiceFactory.getInstance().resetAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The changelogs a tenant's database is built from, in the order they are applied. */
    List<String> changelogsFor(String tenantCode, ProvincePlugin plugin) {
        List<String> changelogs = new ArrayList<>();
        moduleChangelogs.stream().sorted(Comparator.comparingInt(TenantChangelog::order))
                .map(TenantChangelog::path).forEach(changelogs::add);
        plugin.changelog().ifPresent(changelogs::add);
        for (Programme programme : programmes.enabledFor(plugin.id(), tenantCode)) {
            programme.changelog().ifPresent(changelogs::add);
        }
        return changelogs;
    }

    /**
     * What this build would apply to the tenant, as one SHA-256: every changeSet of its changelogs (included files too) by
     * file, id, author and Liquibase checksum, in order. A tenant whose recorded fingerprint equals it is up to date without
     * asking its database — the check that made a restart cost about 130 ms per county. Parsed once per distinct list of
     * changelogs (a handful per build), then answered from memory.
     */
    public String fingerprint(String tenantCode, ProvincePlugin plugin) {
        return fingerprints.computeIfAbsent(changelogsFor(tenantCode, plugin), TenantMigrator::computeFingerprint);
    }

    private final java.util.Map<List<String>, String> fingerprints = new java.util.concurrent.ConcurrentHashMap<>();

    private static String computeFingerprint(List<String> changelogs) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(TenantMigrator.class.getClassLoader());
            for (String path : changelogs) {
                DatabaseChangeLog log = ChangeLogParserFactory.getInstance().getParser(path, resources)
                        .parse(path, new ChangeLogParameters(), resources);
                for (ChangeSet changeSet : log.getChangeSets()) {
                    String line = changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor() + "::"
                            + changeSet.generateCheckSum(ChecksumVersion.latest()) + "\n";
                    digest.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new IllegalStateException("changelogs could not be read for their fingerprint: " + changelogs, e);
        }
    }

    private void createDatabase(String cluster, String database) throws SQLException {
        if (!database.matches("[a-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("unsafe database name");
        }
        try (Connection c = connections.openServer(cluster); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*), (SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED DESC LIMIT 1) FROM DATABASECHANGELOG")) {
            rs.next();
            return rs.getInt(1) + ":" + rs.getString(2);
        }
    }
}
