package cn.fpjc.app.security;

import static cn.fpjc.app.support.Api.anonymous;
import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admins manage the users in their reach: add staff, unlock accounts; nothing outside their county or province. */
@QuarkusTest
class UserAdminTest {

    @Test
    void aCountyAdminUnlocksItsOwnStaffOnlyAndItIsAudited() {
        String user = Api.createUser("t_unlockme", "village-clerk", "620621", "620621100202");
        for (int i = 0; i < 5; i++) {
            anonymous().body(Map.of("username", user, "password", "wrong")).post("/api/auth/login");
        }
        anonymous().body(Map.of("username", user, "password", Api.PASSWORD)).post("/api/auth/login").then().statusCode(423);

        as("lankao.admin").post("/api/admin/users/" + user + "/unlock").then().statusCode(404);
        as("minqin.clerk").post("/api/admin/users/" + user + "/unlock").then().statusCode(403);
        as("minqin.admin").post("/api/admin/users/" + user + "/unlock").then().statusCode(200).body("locked", equalTo(false));
        Api.login(user, Api.PASSWORD);
        assertEquals(List.of("minqin.admin"),
                Sql.column("SELECT actor FROM platform_audit_log WHERE action = 'UNLOCK' AND entity_id = '" + user + "'"));
    }

    @Test
    void theUsersPageListsOnlyTheCountysUsersAndAddsStaff() {
        String page = as("minqin.admin").accept("text/html").get("/admin/users").then().statusCode(200).extract().asString();
        assertTrue(page.contains("data-username=\"minqin.clerk\"") && !page.contains("data-username=\"lankao.clerk\""), page);

        int status = as("minqin.admin").contentType("application/x-www-form-urlencoded").accept("text/html").redirects().follow(false)
                .formParam("username", "t_pageclerk").formParam("displayName", "页面添加的信息员").formParam("password", Api.PASSWORD)
                .formParam("role", "village-clerk").formParam("tenant", "410225").formParam("org", "620621100202")
                .post("/admin/users").then().extract().statusCode();
        assertEquals(303, status);
        // The county comes from the admin's token, not the form: the user belongs to 民勤县.
        as("admin").get("/api/admin/users").then().body("find { it.username == 't_pageclerk' }.tenantCode", equalTo("620621"));

        String refused = as("minqin.admin").contentType("application/x-www-form-urlencoded").accept("text/html")
                .formParam("username", "t_badpage").formParam("displayName", "x").formParam("password", Api.PASSWORD)
                .formParam("role", "village-clerk").formParam("org", "620621100000")
                .post("/admin/users").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("村级信息员的所属单位应为村"), refused);
        String shortPassword = as("minqin.admin").contentType("application/x-www-form-urlencoded").accept("text/html")
                .formParam("username", "t_shortpw").formParam("displayName", "x").formParam("password", "123")
                .formParam("role", "village-clerk").formParam("org", "620621100202")
                .post("/admin/users").then().statusCode(400).extract().asString();
        assertTrue(shortPassword.contains("密码长度应为8—72位"), shortPassword);
        assertFalse(Sql.column("SELECT username FROM app_user WHERE username IN ('t_badpage', 't_shortpw')").iterator().hasNext());

        as("minqin.clerk").accept("text/html").get("/admin/users").then().statusCode(403);
    }
}
