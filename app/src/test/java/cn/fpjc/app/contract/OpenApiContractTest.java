package cn.fpjc.app.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The API contract (README "API contract"): the committed document the client is generated from is the one the app
 * serves, every operation has a unique operationId and says its security, and the document names its server. The
 * Redocly lint (infra/scripts/lint-openapi.sh) checks more in CI; these checks need nothing but Maven.
 */
@QuarkusTest
class OpenApiContractTest {
    static final Path COMMITTED = Path.of("src/main/openapi/openapi.json");
    static final Path LIVE_COPY = Path.of("target/openapi-live.json");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode live() throws Exception {
        return JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void theCommittedContractIsTheOneTheAppServes() throws Exception {
        JsonNode live = live();
        JsonNode committed = JSON.readTree(COMMITTED.toFile());
        if (!live.equals(committed)) {
            Files.writeString(LIVE_COPY, live.toPrettyString());
            Set<String> changed = new TreeSet<>();
            Set<String> names = new HashSet<>();
            live.path("paths").fieldNames().forEachRemaining(names::add);
            committed.path("paths").fieldNames().forEachRemaining(names::add);
            for (String p : names) {
                if (!live.path("paths").path(p).equals(committed.path("paths").path(p))) {
                    changed.add(p);
                }
            }
            fail("app/" + COMMITTED + " differs from /q/openapi (paths " + changed + (changed.isEmpty() ? ", or components" : "")
                    + "). If the API change is intended: cp app/" + LIVE_COPY + " app/" + COMMITTED);
        }
    }

    /**
     * Two records with the same simple name become "Name" and "Name1" in the contract, and which one keeps the plain name
     * depends on class order: a new record named like an old one silently renames the old schema for generated clients.
     * New API types carry unique names (or {@code @Schema(name = …)}); the four below are released as they are.
     */
    @Test
    void noSchemaIsRenamedByANameClash() throws Exception {
        Set<String> numbered = new TreeSet<>();
        live().path("components").path("schemas").fieldNames().forEachRemaining(n -> {
            if (n.matches(".*\\d$")) {
                numbered.add(n);
            }
        });
        org.junit.jupiter.api.Assertions.assertEquals(Set.of("EventView1", "Origin1", "SetRequest1", "SetRequest2"), numbered,
                "a schema name clash: give the new record a unique name or @Schema(name = …)");
    }

    @Test
    void everyOperationHasAUniqueIdAndItsSecurity() throws Exception {
        JsonNode doc = live();
        assertTrue(doc.path("servers").size() > 0, "servers");
        assertTrue(doc.path("components").path("securitySchemes").has("bearerJwt"), "the bearer scheme");
        Map<String, String> ids = new java.util.HashMap<>();
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) doc.path("paths")::fields) {
            for (var op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                count++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (id.isEmpty()) {
                    problems.add(where + ": no operationId");
                } else if (ids.put(id, where) != null) {
                    problems.add(where + ": operationId " + id + " also on " + ids.get(id));
                }
                JsonNode security = op.getValue().get("security");
                boolean open = isPublic(op.getKey(), path.getKey());
                if (security == null) {
                    problems.add(where + ": no security");
                } else if (open && !security.isEmpty()) {
                    problems.add(where + ": public but asks for " + security);
                } else if (!open && (security.isEmpty() || !security.get(0).has("bearerJwt"))) {
                    problems.add(where + ": needs the bearer token but says " + security);
                }
            }
        }
        assertFalse(count < 100, "operations found: " + count);
        assertEquals(List.of(), problems);
    }

    /** Anyone may call these: the self-report API and pages, and signing in and out. */
    static boolean isPublic(String method, String path) {
        return path.startsWith("/api/public/") || path.startsWith("/report/") || path.equals("/login") || path.equals("/logout")
                || (method.equals("post") && path.equals("/api/auth/login"));
    }
}
