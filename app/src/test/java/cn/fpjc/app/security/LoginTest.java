package cn.fpjc.app.security;

import static cn.fpjc.app.support.Api.anonymous;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import cn.fpjc.app.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginTest {

    @Test
    void loginReturnsATokenCarryingTenantOrgAndRoles() {
        String token = anonymous().body(Map.of("username", "minqin.clerk", "password", Api.DEMO_PASSWORD))
                .post("/api/auth/login").then().statusCode(200)
                .body("token", notNullValue())
                .body("user.roleLabels", hasItem("村级信息员"))
                .extract().path("token");
        Api.withToken(token).get("/api/auth/me").then().statusCode(200)
                .body("username", equalTo("minqin.clerk"))
                .body("tenant", equalTo("620621"))
                .body("province", equalTo("gansu"))
                .body("org", equalTo("620621100201"))
                .body("roles", hasItem("village-clerk"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        anonymous().body(Map.of("username", "minqin.admin", "password", "wrong")).post("/api/auth/login")
                .then().statusCode(401).body("code", equalTo("AUTH_FAILED")).body("message", equalTo("用户名或密码错误"));
        anonymous().body(Map.of("username", "nobody-here", "password", "wrong")).post("/api/auth/login")
                .then().statusCode(401).body("code", equalTo("AUTH_FAILED")).body("message", equalTo("用户名或密码错误"));
    }

    @Test
    void fiveFailuresInARowLockTheAccountEvenForTheRightPassword() {
        String user = Api.createUser("t_lockme", "county-approver", "433124", "433124");
        for (int i = 1; i <= 4; i++) {
            anonymous().body(Map.of("username", user, "password", "wrong-" + i)).post("/api/auth/login")
                    .then().statusCode(401).body("code", equalTo("AUTH_FAILED"));
        }
        anonymous().body(Map.of("username", user, "password", "wrong-5")).post("/api/auth/login")
                .then().statusCode(423).body("code", equalTo("ACCOUNT_LOCKED")).body("message", containsString("后重试"));
        anonymous().body(Map.of("username", user, "password", Api.PASSWORD)).post("/api/auth/login")
                .then().statusCode(423).body("code", equalTo("ACCOUNT_LOCKED"));
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        String user = Api.createUser("t_resetme", "county-approver", "433124", "433124");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                anonymous().body(Map.of("username", user, "password", "wrong")).post("/api/auth/login").then().statusCode(401);
            }
            Api.login(user, Api.PASSWORD);
        }
    }

    @Test
    void expiredTokenIsRejected() {
        String token = Jwt.issuer("fpjc").upn("lankao.admin").groups("county-admin").claim("tenant", "410225")
                .claim("org", "410225").issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        given().auth().oauth2(token).get("/api/counties/410225/org-units").then().statusCode(401).body("code", equalTo("TOKEN_INVALID"));
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer("fpjc").upn("admin").groups("platform-admin").sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).get("/api/admin/tenants").then().statusCode(401).body("code", equalTo("TOKEN_INVALID"));
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        String token = Jwt.issuer("someone-else").upn("admin").groups("platform-admin").sign();
        given().auth().oauth2(token).get("/api/admin/tenants").then().statusCode(401);
    }

    @Test
    void tamperedClaimsAreRejected() {
        String token = Api.token("lankao.clerk");
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("410225", "620621");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(tampered).get("/api/counties/620621/org-units").then().statusCode(401);
    }
}
