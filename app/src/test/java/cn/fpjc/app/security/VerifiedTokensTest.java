package cn.fpjc.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.core.platform.jwt.VerifiedTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A token's signature is checked once and remembered by its exact text (issue 17: the RSA check was a quarter of a
 * request's CPU); an altered token is never taken for the remembered one, and a logout still ends a remembered token
 * (SessionRevocationTest).
 */
@QuarkusTest
class VerifiedTokensTest {
    @Inject
    VerifiedTokens tokens;

    @Test
    void aVerifiedTokenIsRememberedOnceAndServesAgain() {
        String token = Api.login(Api.createUser("t_tok_cache", "county-approver", "433124", "433124"), Api.PASSWORD);
        Api.withToken(token).get("/api/auth/me").then().statusCode(200);
        int remembered = tokens.size();
        long hits = tokens.hits();
        assertTrue(remembered >= 1, "remembered after the first request");
        for (int i = 0; i < 5; i++) {
            Api.withToken(token).get("/api/auth/me").then().statusCode(200);
        }
        assertEquals(remembered, tokens.size(), "the same token is not remembered twice");
        assertTrue(tokens.hits() >= hits + 5, "served from the remembered verification: " + (tokens.hits() - hits));
        // The page path reads the same token from the cookie, through the same verification.
        io.restassured.RestAssured.given().cookie("fpjc_token", token).redirects().follow(false).get("/").then().statusCode(200);
        assertTrue(tokens.hits() >= hits + 6, "the cookie path is served from it too");
    }

    @Test
    void anAlteredTokenIsCheckedInFullAndRefusedThoughTheOriginalIsRemembered() {
        String token = Api.login(Api.createUser("t_tok_altered", "county-approver", "433124", "433124"), Api.PASSWORD);
        Api.withToken(token).get("/api/auth/me").then().statusCode(200);
        String[] parts = token.split("\\.");
        // Another signature (one character changed) and another payload (a claim changed, signature kept).
        String signature = parts[2].substring(0, 10) + (parts[2].charAt(10) == 'A' ? 'B' : 'A') + parts[2].substring(11);
        int before = tokens.size();
        Api.withToken(parts[0] + "." + parts[1] + "." + signature).get("/api/auth/me").then().statusCode(401);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("t_tok_altered", "t_tok_alterex");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.withToken(parts[0] + "." + forged + "." + parts[2]).get("/api/auth/me").then().statusCode(401);
        assertEquals(before, tokens.size(), "a token that failed is never remembered");
        Api.withToken(token).get("/api/auth/me").then().statusCode(200);
    }
}
