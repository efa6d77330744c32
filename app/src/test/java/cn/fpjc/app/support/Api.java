package cn.fpjc.app.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Small helpers so tests read like the API's documentation: who calls, what they send, what comes back. */
public final class Api {
    public static final String DEMO_PASSWORD = "Demo@2024";
    public static final String PASSWORD = "Passw0rd!2024";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger(100);

    private Api() {
    }

    /** A bearer token for a user (demo users have the demo password, users made by tests {@link #PASSWORD}). */
    public static String token(String username) {
        return TOKENS.computeIfAbsent(username, u -> login(u, u.startsWith("t_") ? PASSWORD : DEMO_PASSWORD));
    }

    public static String login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().path("token");
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(token(username)).contentType(ContentType.JSON);
    }

    public static RequestSpecification withToken(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    /** A county code nobody else in this run uses, under the given 2-digit province code. */
    public static String freshCountyCode(String provinceCode) {
        int n;
        do {
            n = NEXT.incrementAndGet();
        } while (n % 100 == 0);
        return provinceCode + "9" + String.format("%03d", n);
    }

    /** Onboards a new county (as the platform admin) and returns its code. */
    public static String onboard(String province, String provinceCode) {
        String code = freshCountyCode(provinceCode);
        as("admin").body(Map.of("code", code, "name", "测试县" + code, "province", province))
                .post("/api/admin/tenants").then().statusCode(201);
        return code;
    }

    /** Adds a township and one village under it (as the county's admin); returns {township, village}. */
    public static String[] addTownshipAndVillage(String countyAdmin, String county, String townshipDigits) {
        String township = county + townshipDigits + "000";
        String village = county + townshipDigits + "201";
        as(countyAdmin).body(Map.of("code", township, "name", "测试镇" + townshipDigits))
                .post("/api/counties/" + county + "/org-units").then().statusCode(201);
        as(countyAdmin).body(Map.of("code", village, "name", "测试村" + townshipDigits))
                .post("/api/counties/" + county + "/org-units").then().statusCode(201);
        return new String[] {township, village};
    }

    /** Creates a county user (as the platform admin). Name them "t_…" so {@link #token} knows their password. */
    public static String createUser(String username, String role, String county, String org) {
        as("admin").body(Map.of("username", username, "displayName", "测试用户" + username, "password", PASSWORD,
                "roles", List.of(role), "tenant", county, "org", org))
                .post("/api/admin/users").then().statusCode(201);
        return username;
    }

    /**
     * {@code body} with the {@code version} that {@code reader} reads at {@code url} (left out when the reader may not read
     * it; a version the body already carries, e.g. a stale one on purpose, is kept): every edit sends the version it read.
     */
    public static java.util.Map<String, Object> versioned(String reader, String url, java.util.Map<String, ?> body) {
        java.util.Map<String, Object> b = new java.util.HashMap<>(body);
        if (b.containsKey("version")) {
            return b;
        }
        var read = as(reader).get(url).then().extract();
        if (read.statusCode() == 200 && read.jsonPath().get("version") != null) {
            b.put("version", read.jsonPath().getLong("version"));
        }
        return b;
    }

    /** Sets a province's yearly value, sending the version read when the year already has one (so a rerun is not refused). */
    public static void setYearlyValue(String admin, String province, String key, int year, String value, String source) {
        String list = "/api/admin/provinces/" + province + "/yearly-values";
        java.util.Map<String, Object> body = new java.util.HashMap<>(java.util.Map.of("value", value, "source", source));
        Object version = as(admin).get(list).then().statusCode(200).extract().jsonPath()
                .get("find { it.year == " + year + " && it.key == '" + key + "' }.version");
        if (version != null) {
            body.put("version", version);
        }
        as(admin).body(body).put(list + "/" + key + "/" + year).then().statusCode(200);
    }
}
