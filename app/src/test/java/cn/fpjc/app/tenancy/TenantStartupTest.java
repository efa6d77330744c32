package cn.fpjc.app.tenancy;

import static cn.fpjc.app.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.admin.tenant.TenantService;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.province.testexample.ExampleProvincePlugin;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Startup at scale (README "Running at scale"): a tenant whose recorded fingerprint equals this build's changelogs is not
 * checked again; the others migrate in the background, and one whose migration fails is FAILED (503 for that county only)
 * while every other county serves.
 */
@QuarkusTest
class TenantStartupTest {
    @Inject
    TenantService tenants;

    @Test
    void upToDateCountiesAreLeftAloneAndOutdatedOnesMigrateInTheBackground() {
        String current = Api.onboard(ExampleProvincePlugin.ID, "98");
        String outdated = Api.onboard(ExampleProvincePlugin.ID, "98");
        String broken = Api.onboard(ExampleProvincePlugin.ID, "98");
        String currentAdmin = Api.createUser("t_admin_" + current, "county-admin", current, current);
        String outdatedAdmin = Api.createUser("t_admin_" + outdated, "county-admin", outdated, outdated);
        String brokenAdmin = Api.createUser("t_admin_" + broken, "county-admin", broken, broken);
        String fingerprint = Sql.column("SELECT schema_fingerprint FROM tenant WHERE code = '" + current + "'").get(0);
        assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
        // Same plug-in, same programmes: same changelogs, same fingerprint.
        assertEquals(List.of(fingerprint), Sql.column("SELECT schema_fingerprint FROM tenant WHERE code = '" + outdated + "'"));

        // As if built before the last changeSet: a stale fingerprint; and one whose re-run will fail (its org_unit table
        // exists while its changelog says it was never created).
        Sql.execute("UPDATE tenant SET schema_fingerprint = 'stale' WHERE code IN ('" + outdated + "', '" + broken + "')");
        Sql.execute("DELETE FROM `" + Sql.database(broken) + "`.DATABASECHANGELOG WHERE ID = 'core-0001-org-unit'");

        List<String> queued = tenants.startupMigrations();
        assertTrue(queued.containsAll(List.of(outdated, broken)), queued.toString());
        assertFalse(queued.contains(current), "an up-to-date county is not checked again");
        as(currentAdmin).get("/api/counties/" + current + "/org-units").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("ACTIVE").equals(
                Sql.column("SELECT status FROM tenant WHERE code = '" + outdated + "'"))
                && List.of("FAILED").equals(Sql.column("SELECT status FROM tenant WHERE code = '" + broken + "'")));
        assertEquals(List.of(fingerprint), Sql.column("SELECT schema_fingerprint FROM tenant WHERE code = '" + outdated + "'"));
        assertTrue(Sql.column("SELECT last_error FROM tenant WHERE code = '" + broken + "'").get(0).contains("org_unit"));
        as(outdatedAdmin).get("/api/counties/" + outdated + "/org-units").then().statusCode(200);
        as(currentAdmin).get("/api/counties/" + current + "/org-units").then().statusCode(200);
        as(brokenAdmin).get("/api/counties/" + broken + "/org-units").then().statusCode(503).body("code", equalTo("TENANT_UNAVAILABLE"));

        // Repaired (the changelog row put back), the next start migrates it and it serves again.
        Sql.execute("INSERT INTO `" + Sql.database(broken) + "`.DATABASECHANGELOG SELECT * FROM `" + Sql.database(current)
                + "`.DATABASECHANGELOG WHERE ID = 'core-0001-org-unit'");
        assertTrue(tenants.startupMigrations().contains(broken));
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("ACTIVE").equals(
                Sql.column("SELECT status FROM tenant WHERE code = '" + broken + "'")));
        as(brokenAdmin).get("/api/counties/" + broken + "/org-units").then().statusCode(200);
    }
}
