package cn.fpjc.app.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.admin.tenant.TenantMigrator;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.plugin.ProvincePlugin;
import cn.fpjc.core.platform.plugin.ProvincePluginRegistry;
import cn.fpjc.core.platform.tenancy.TenantConnections;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * A county database created before core was split into modules — by the single changelog db/core/changelog.xml, kept
 * here as a frozen copy — upgrades with today's migrator without re-running, rewriting or losing a changeSet, keeps its
 * data, and ends with the same schema as a county created today.
 */
@QuarkusTest
class ChangelogUpgradeTest {
    private static final String LEGACY_CHANGELOG = "legacy/core-changelog-before-modules.xml";
    private static final String CHANGELOG_ROWS = "SELECT CONCAT_WS('|', ID, AUTHOR, FILENAME, MD5SUM, ORDEREXECUTED, DATEEXECUTED) FROM `%s`.DATABASECHANGELOG ORDER BY ORDEREXECUTED";

    @Inject
    TenantMigrator migrator;

    @Inject
    TenantConnections connections;

    @Inject
    ProvincePluginRegistry plugins;

    @Test
    void aCountyCreatedByTheSingleCoreChangelogUpgradesWithoutRerunningAChangeSet() throws Exception {
        ProvincePlugin henan = plugins.find("henan").orElseThrow();
        String code = "419901";
        String db = freshDatabase(code);
        // The county as the last release left it: the single core changelog, then the province plug-in's.
        List<String> legacyChangelogs = new ArrayList<>(List.of(LEGACY_CHANGELOG));
        henan.changelog().ifPresent(legacyChangelogs::add);
        applyDirectly(code, db, legacyChangelogs);
        Sql.execute("INSERT INTO `" + db + "`.org_unit (code, name, level, parent_code, version, created_at, updated_at) "
                + "VALUES ('419901100000', '升级镇', 'TOWNSHIP', NULL, 0, '2026-11-01 08:00:00', '2026-11-01 08:00:00')");
        // An open case at its third step, as the last release wrote it (role and due date copied on): the upgrade also copies
        // that step's label and evidence items onto the case, for the inbox.
        Sql.execute("INSERT INTO `" + db + "`.monitoring_case (id, household_id, village_code, procedure_id, monitoring_type, risk_categories,"
                + " green_channel, status, current_step, current_step_role, current_due, started_on, created_at, created_by, version) VALUES (1, 1,"
                + " '419901100001', 'identification', 'MARGINAL', 'ILLNESS', FALSE, 'IN_PROGRESS', 'review', 'village-clerk', '2026-11-20',"
                + " '2026-11-02', '2026-11-02 08:00:00', 'test', 0)");
        Sql.execute("INSERT INTO `" + db + "`.case_step (case_id, step_id, seq, label, role, evidence_required, due_on, completed_on) VALUES"
                + " (1, 'verify', 0, '受理与入户核实', 'village-clerk', '书面申请', '2026-11-06', '2026-11-03'),"
                + " (1, 'review', 2, '民主评议', 'village-clerk', '评议会议记录\n参会人员签字', '2026-11-20', NULL)");
        // A migration stopped after its first ALTER (MariaDB commits each DDL statement by itself): the column is there, the
        // changeSet not recorded. The upgrade skips it and goes on.
        Sql.execute("ALTER TABLE `" + db + "`.monitoring_case ADD COLUMN current_step_label VARCHAR(64) NULL");
        List<String> before = Sql.column(CHANGELOG_ROWS.formatted(db));
        List<String> coreIds = Sql.column("SELECT ID FROM `" + db + "`.DATABASECHANGELOG WHERE FILENAME = 'db/core/changelog.xml' ORDER BY ORDEREXECUTED");
        assertEquals(11, coreIds.size(), "the frozen changelog carries core's eleven changeSets of the last release");

        migrator.migrate(code, null, db, henan);

        List<String> after = Sql.column(CHANGELOG_ROWS.formatted(db));
        assertEquals(before, after.subList(0, before.size()), "every changeSet already run stays exactly as it was: none re-run, none rewritten");
        List<String> added = after.subList(before.size(), after.size());
        for (String row : added) {
            String id = row.substring(0, row.indexOf('|'));
            assertFalse(coreIds.contains(id), "changeSet " + id + " ran a second time under another file name");
            assertFalse(row.contains("|db/core/changelog.xml|"), "only changeSets of the last release may carry the old file name: " + row);
        }
        assertEquals(List.of("升级镇"), Sql.column("SELECT name FROM `" + db + "`.org_unit WHERE code = '419901100000'"));
        assertEquals(List.of("民主评议|评议会议记录\n参会人员签字|review"), Sql.column("SELECT CONCAT_WS('|',"
                + " current_step_label, current_step_evidence, current_step_copy_of) FROM `" + db + "`.monitoring_case WHERE id = 1"));

        migrator.migrate(code, null, db, henan);
        assertEquals(after, Sql.column(CHANGELOG_ROWS.formatted(db)), "a second upgrade has nothing left to do");

        String today = freshDatabase("419902");
        migrator.migrate("419902", null, today, henan);
        assertEquals(schema(today), schema(db), "the upgraded county has the same tables, columns and indexes as one created today");
        assertEquals(Sql.column("SELECT ID FROM `" + today + "`.DATABASECHANGELOG ORDER BY ID"),
                Sql.column("SELECT ID FROM `" + db + "`.DATABASECHANGELOG ORDER BY ID"), "and the same changeSets recorded");
        assertTrue(Sql.column("SELECT FILENAME FROM `" + today + "`.DATABASECHANGELOG WHERE ID = 'core-0003-registry'")
                .equals(List.of("db/core/changelog.xml")), "a county created today records the old changeSets under their old identity too");
    }

    private static String freshDatabase(String code) {
        String db = Sql.database(code);
        Sql.execute("DROP DATABASE IF EXISTS `" + db + "`");
        Sql.execute("CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return db;
    }

    /** What the migrator of the last release did: Liquibase's API on a connection switched to the county's database. */
    private void applyDirectly(String code, String db, List<String> changelogs) throws Exception {
        Connection connection = connections.open(null, db);
        try {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultCatalogName(db);
            ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(Thread.currentThread().getContextClassLoader());
            for (String changelog : changelogs) {
                new Liquibase(changelog, resources, database).update(new Contexts("tenant-" + code), new LabelExpression());
            }
        } finally {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            connections.release(connection);
            LockServiceFactory.getInstance().resetAll();
            ChangeLogHistoryServiceFactory.getInstance().resetAll();
        }
    }

    private static List<String> schema(String db) {
        List<String> shape = new ArrayList<>(Sql.column("SELECT CONCAT_WS('|', table_name, column_name, column_type, is_nullable, "
                + "IFNULL(column_default, 'NULL'), column_key) FROM information_schema.columns WHERE table_schema = '" + db
                + "' AND table_name NOT LIKE 'DATABASECHANGELOG%' ORDER BY table_name, column_name"));
        shape.addAll(Sql.column("SELECT CONCAT_WS('|', table_name, index_name, non_unique, seq_in_index, column_name) FROM "
                + "information_schema.statistics WHERE table_schema = '" + db + "' ORDER BY table_name, index_name, seq_in_index"));
        return shape;
    }
}
