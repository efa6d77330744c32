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
        as("admin").queryParam("q", "t_pageclerk").get("/api/admin/users").then().body("find { it.username == 't_pageclerk' }.tenantCode", equalTo("620621"));

        String refused = as("minqin.admin").contentType("application/x-www-form-urlencoded").accept("text/html")
                .formParam("username", "t_badpage").formParam("displayName", "x").formParam("password", Api.PASSWORD)
                .formParam("role", "village-clerk").formParam("org", "620621100000")
                .post("/admin/users").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("村级信息员的所属单位应为村") && refused.contains("data-field=\"org\""), refused);
        assertTrue(refused.contains("value=\"t_badpage\""), "what was typed is kept: " + refused);
        String shortPassword = as("minqin.admin").contentType("application/x-www-form-urlencoded").accept("text/html")
                .formParam("username", "t_shortpw").formParam("displayName", "x").formParam("password", "123")
                .formParam("role", "village-clerk").formParam("org", "620621100202")
                .post("/admin/users").then().statusCode(400).extract().asString();
        assertTrue(shortPassword.contains("密码长度应为8—72位"), shortPassword);
        assertFalse(Sql.column("SELECT username FROM app_user WHERE username IN ('t_badpage', 't_shortpw')").iterator().hasNext());

        as("minqin.clerk").accept("text/html").get("/admin/users").then().statusCode(403);
    }

    @Test
    void usersAreSearchedByUsernameOrDisplayNameAndPaged() {
        for (String name : List.of("t_srch_a", "t_srch_b", "t_srch_c")) {
            Api.createUser(name, "county-approver", "433124", "433124");
        }
        as("huayuan.admin").queryParam("q", "t_srch_").queryParam("size", 2).get("/api/admin/users").then().statusCode(200)
                .header("X-Total-Count", "3").body("username", equalTo(List.of("t_srch_a", "t_srch_b")));
        as("huayuan.admin").queryParam("q", "t_srch_").queryParam("size", 2).queryParam("page", 1).get("/api/admin/users").then()
                .body("username", equalTo(List.of("t_srch_c")));
        // By display name (测试用户 + username), and never outside the admin's county.
        as("huayuan.admin").queryParam("q", "测试用户t_srch_b").get("/api/admin/users").then().body("username", equalTo(List.of("t_srch_b")));
        as("minqin.admin").queryParam("q", "t_srch_").get("/api/admin/users").then().header("X-Total-Count", "0");

        String page = as("huayuan.admin").accept("text/html").queryParam("q", "测试用户t_srch").get("/admin/users").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("data-username=\"t_srch_a\"") && page.contains("共 3 人") && !page.contains("data-username=\"huayuan.admin\""), page);
    }

    @Test
    void theUsersPageNumbersItsPagesAndChoosesOrgUnitsFromTheCountysTree() {
        for (int i = 0; i < 21; i++) {
            Api.createUser("t_pg_" + (char) ('a' + i), "village-clerk", "620621", "620621100202");
        }
        String first = as("minqin.admin").accept("text/html").queryParam("q", "t_pg_").get("/admin/users").then().statusCode(200)
                .extract().asString();
        assertTrue(first.contains("<strong class=\"page-current\">1</strong>") && first.contains("href=\"/admin/users?q=t_pg_&amp;page=1\">2</a>"), first);
        String second = as("minqin.admin").accept("text/html").queryParam("q", "t_pg_").queryParam("page", 1).get("/admin/users").then()
                .extract().asString();
        assertTrue(second.contains("data-username=\"t_pg_u\"") && !second.contains("data-username=\"t_pg_a\""), second);
        // The org unit is a list of the county's townships and villages by name; the county is the admin's own.
        assertTrue(first.contains("<select id=\"org\" name=\"org\">") && first.contains("<option value=\"620621100202\"")
                && first.contains("县本级（民勤县）") && !first.contains("id=\"county-choice\""), first);
        // A platform admin first chooses the county from a list.
        String platform = as("admin").accept("text/html").queryParam("tenant", "620621").get("/admin/users").then().extract().asString();
        assertTrue(platform.contains("id=\"county-choice\"") && platform.contains("<option value=\"620621100202\""), platform);
    }

    @Test
    void aDisabledAccountsTokensStopAtOnceAndEnablingLetsItLogInAgain() {
        String user = Api.createUser("t_disable", "county-approver", "433124", "433124");
        String token = Api.login(user, Api.PASSWORD);
        as("minqin.admin").post("/api/admin/users/" + user + "/disable").then().statusCode(404);
        as("huayuan.clerk").post("/api/admin/users/" + user + "/disable").then().statusCode(403);
        as("huayuan.admin").post("/api/admin/users/" + user + "/disable").then().statusCode(200).body("enabled", equalTo(false));
        Api.withToken(token).get("/api/auth/me").then().statusCode(401).body("code", equalTo("TOKEN_INVALID"));
        anonymous().body(Map.of("username", user, "password", Api.PASSWORD)).post("/api/auth/login").then().statusCode(403)
                .body("code", equalTo("ACCOUNT_DISABLED"));

        as("huayuan.admin").post("/api/admin/users/" + user + "/enable").then().statusCode(200).body("enabled", equalTo(true));
        Api.withToken(token).get("/api/auth/me").then().statusCode(401); // the old session does not come back
        Api.withToken(Api.login(user, Api.PASSWORD)).get("/api/auth/me").then().statusCode(200);
        as("huayuan.admin").post("/api/admin/users/huayuan.admin/disable").then().statusCode(409).body("code", equalTo("USER_SELF_DISABLE"));
        assertEquals(List.of("DISABLE", "ENABLE"), Sql.column("SELECT action FROM platform_audit_log WHERE entity_id = '" + user
                + "' AND action IN ('DISABLE', 'ENABLE') ORDER BY id"));
    }

    @Test
    void theUsersPageDisablesAnAccountAndItsCookieSessionEnds() {
        String user = Api.createUser("t_pagedisable", "village-clerk", "620621", "620621100202");
        String token = Api.login(user, Api.PASSWORD);
        as("minqin.admin").contentType("application/x-www-form-urlencoded").redirects().follow(false)
                .post("/admin/users/" + user + "/disable").then().statusCode(303);
        io.restassured.RestAssured.given().cookie("fpjc_token", token).redirects().follow(false).get("/").then().statusCode(303);
        String page = as("minqin.admin").accept("text/html").queryParam("q", user).get("/admin/users").then().extract().asString();
        assertTrue(page.contains("已停用") && page.contains("/admin/users/" + user + "/enable"), page);
        as("minqin.admin").contentType("application/x-www-form-urlencoded").redirects().follow(false)
                .post("/admin/users/" + user + "/enable").then().statusCode(303);
        Api.login(user, Api.PASSWORD);
    }

    @Test
    void anAdminResetsAPasswordAndTheOldPasswordAndSessionsStopWorking() {
        String user = Api.createUser("t_reset", "county-approver", "433124", "433124");
        String token = Api.login(user, Api.PASSWORD);
        as("huayuan.admin").body(Map.of("password", "short")).post("/api/admin/users/" + user + "/password").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        as("minqin.admin").body(Map.of("password", "N3w-Passw0rd")).post("/api/admin/users/" + user + "/password").then().statusCode(404);
        as("huayuan.admin").body(Map.of("password", "N3w-Passw0rd")).post("/api/admin/users/" + user + "/password").then().statusCode(200);
        Api.withToken(token).get("/api/auth/me").then().statusCode(401).body("code", equalTo("TOKEN_INVALID"));
        anonymous().body(Map.of("username", user, "password", Api.PASSWORD)).post("/api/auth/login").then().statusCode(401);
        Api.withToken(Api.login(user, "N3w-Passw0rd")).get("/api/auth/me").then().statusCode(200);
        assertFalse(Sql.column("SELECT after_json FROM platform_audit_log WHERE action = 'RESET_PASSWORD' AND entity_id = '" + user + "'")
                .iterator().next().contains("N3w-Passw0rd"));

        // On the page: typed twice; a mismatch is refused beside the second input.
        String form = as("huayuan.admin").accept("text/html").get("/admin/users/" + user + "/password").then().statusCode(200)
                .extract().asString();
        assertTrue(form.contains("测试用户t_reset"), form);
        String mismatch = as("huayuan.admin").contentType("application/x-www-form-urlencoded").accept("text/html")
                .formParam("password", "Another-Pass1").formParam("confirm", "Another-Pass2")
                .post("/admin/users/" + user + "/password").then().statusCode(400).extract().asString();
        assertTrue(mismatch.contains("data-field=\"confirm\"") && mismatch.contains("两次输入的密码不一致"), mismatch);
        as("huayuan.admin").contentType("application/x-www-form-urlencoded").redirects().follow(false)
                .formParam("password", "Another-Pass1").formParam("confirm", "Another-Pass1")
                .post("/admin/users/" + user + "/password").then().statusCode(303);
        Api.login(user, "Another-Pass1");
        as("minqin.admin").accept("text/html").get("/admin/users/" + user + "/password").then().statusCode(404);
    }
}
