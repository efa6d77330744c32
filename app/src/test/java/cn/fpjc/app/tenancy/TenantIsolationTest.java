package cn.fpjc.app.tenancy;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two counties provisioned at runtime never see each other's rows: through the API and in the databases themselves. */
@QuarkusTest
class TenantIsolationTest {

    @Test
    void rowsWrittenInOneCountyAreInvisibleToAnother() {
        String a = Api.onboard("henan", "41");
        String b = Api.onboard("gansu", "62");
        String adminA = Api.createUser("t_admin_" + a, "county-admin", a, a);
        String adminB = Api.createUser("t_admin_" + b, "county-admin", b, b);

        String[] unitsA = Api.addTownshipAndVillage(adminA, a, "101");
        String[] unitsB = Api.addTownshipAndVillage(adminB, b, "102");

        // Through the API: each county admin sees exactly its own units.
        as(adminA).get("/api/counties/" + a + "/org-units").then().statusCode(200).body("code", contains(unitsA[0], unitsA[1]));
        as(adminB).get("/api/counties/" + b + "/org-units").then().statusCode(200).body("code", contains(unitsB[0], unitsB[1]));

        // A county's token cannot name another county, and ids from there do not resolve here.
        as(adminA).get("/api/counties/" + b + "/org-units").then().statusCode(403).body("code", equalTo("TENANT_MISMATCH"));
        as(adminA).get("/api/counties/" + a + "/org-units/" + unitsB[0]).then().statusCode(404);

        // With raw SQL against each database.
        assertEquals(List.of(unitsA[0], unitsA[1]), Sql.column("SELECT code FROM " + Sql.database(a) + ".org_unit ORDER BY code"));
        assertEquals(List.of(unitsB[0], unitsB[1]), Sql.column("SELECT code FROM " + Sql.database(b) + ".org_unit ORDER BY code"));
        // The audit trail stays in the county's own database too.
        assertEquals(List.of(unitsA[0], unitsA[1]),
                Sql.column("SELECT entity_id FROM " + Sql.database(a) + ".audit_log WHERE entity_type = 'org_unit' ORDER BY id"));
    }

    @Test
    void selfCheckShowsTheSessionIsOnTheTenantsOwnDatabase() {
        for (String admin : List.of("lankao.admin", "minqin.clerk", "huayuan.reviewer")) {
            String county = Api.withToken(Api.token(admin)).get("/api/auth/me").then().extract().path("tenant");
            as(admin).get("/api/counties/" + county + "/self-check").then().statusCode(200)
                    .body("tenant", equalTo(county))
                    .body("actualDatabase", equalTo(Sql.database(county)))
                    .body("ok", equalTo(true));
        }
    }
}
