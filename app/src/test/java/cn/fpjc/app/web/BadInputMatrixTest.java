package cn.fpjc.app.web;

import static cn.fpjc.app.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 2: no input makes a 5xx, and every 4xx carries the JSON error. The matrix is built from the running
 * app's own OpenAPI document, so a new endpoint is covered without touching this test: every operation with a JSON body
 * gets empty / null / [] / malformed bodies, each field with the wrong type, impossible and far-away dates, and a 1 MB
 * text in each string field; every paged list gets page and size at the int limits.
 */
@QuarkusTest
class BadInputMatrixTest {
    private static final String MEGABYTE = "长".repeat(1 << 20);
    private static String county;
    private static String countyAdmin;

    @BeforeEach
    void county() {
        if (county != null) {
            return;
        }
        county = Api.onboard("gansu", "62");
        countyAdmin = Api.createUser("t_matrix_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        Api.addTownshipAndVillage(countyAdmin, county, "101");
    }

    @Test
    void everyOperationAnswersBadInputWithAJsonRefusalNeverA5xx() {
        Map<String, Object> doc = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200).extract()
                .as(Map.class);
        Map<String, Object> schemas = map(map(doc.get("components")).get("schemas"));
        int attempts = 0;
        int clientErrors = 0;
        int serverErrors = 0;
        int bodyOperations = 0;
        int pagedOperations = 0;
        List<String> failures = new ArrayList<>();
        for (var path : map(doc.get("paths")).entrySet()) {
            for (var op : map(path.getValue()).entrySet()) {
                String method = op.getKey().toUpperCase();
                Map<String, Object> operation = map(op.getValue());
                String url = fill(path.getKey());
                // control-plane operations run as the platform admin so their bodies are really read
                String caller = path.getKey().startsWith("/api/admin") ? "admin" : countyAdmin;
                List<Map.Entry<String, String>> cases = new ArrayList<>();
                Map<String, Object> schema = jsonBodySchema(operation, schemas);
                if (schema != null) {
                    bodyOperations++;
                    cases.addAll(badBodies(schema, schemas));
                }
                if ("GET".equals(method) && hasParameter(operation, "page")) {
                    pagedOperations++;
                    for (String q : List.of("page=2147483647", "page=-5&size=-1", "size=2147483647", "page=2147483647&size=2147483647",
                            "page=1073741824&size=200")) {
                        cases.add(Map.entry("?" + q, ""));
                    }
                }
                for (var c : cases) {
                    boolean query = c.getKey().startsWith("?");
                    Response r = as(caller).contentType(ContentType.JSON).body(query ? "" : c.getValue())
                            .request(method, url + (query ? c.getKey() : ""));
                    attempts++;
                    int status = r.statusCode();
                    String what = method + " " + path.getKey() + " [" + c.getKey() + "] → " + status;
                    if (status >= 500) {
                        serverErrors++;
                        failures.add(what + " " + abbreviate(r.asString()));
                    } else if (status >= 400) {
                        clientErrors++;
                        // The API answers machines with the JSON error body; a page answers people with an HTML page (or, for
                        // refusals not yet given a page of their own, e.g. 403, the JSON error body).
                        boolean page = !path.getKey().startsWith("/api/");
                        if (jsonCode(r) == null && !(page && r.asString().contains("<html"))) {
                            failures.add(what + (page ? " without an error page: " : " without the JSON error body: ") + abbreviate(r.asString()));
                        }
                    }
                }
            }
        }
        for (String page : List.of("/households", "/clues", "/data-quality", "/admin/tenants", "/admin/operations")) {
            for (String q : List.of("?page=2147483647", "?page=-7")) {
                Response r = given().cookie("fpjc_token", Api.token(page.startsWith("/admin") ? "admin" : countyAdmin)).redirects()
                        .follow(false).get(page + q);
                attempts++;
                if (r.statusCode() >= 500) {
                    serverErrors++;
                    failures.add("page " + page + q + " → " + r.statusCode());
                } else if (r.statusCode() >= 400) {
                    clientErrors++;
                }
            }
        }
        System.out.printf("Bad-input matrix over /q/openapi: %d operations with a JSON body, %d paged lists, %d attempts, %d 4xx, %d 5xx%n",
                bodyOperations, pagedOperations, attempts, clientErrors, serverErrors);
        assertTrue(bodyOperations > 30, "the OpenAPI document lists the JSON operations");
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    /** The specific inputs of the probe report, with the field each refusal names. */
    @Test
    void refusalsNameTheFieldInChinese() {
        String url = "/api/counties/" + county + "/org-units";
        for (String body : List.of("", "null")) {
            as(countyAdmin).body(body).post(url).then().statusCode(400).body("code", is("VALIDATION_FAILED"))
                    .body("fields.field", hasItem("body"));
        }
        as(countyAdmin).body("[]").post(url).then().statusCode(400).body("fields[0].field", is("body"))
                .body("fields[0].message", containsString("JSON对象"));
        as(countyAdmin).body("{\"code\": ").post(url).then().statusCode(400).body("code", is("VALIDATION_FAILED"))
                .body("fields[0].message", containsString("JSON"));
        as(countyAdmin).body(Map.of("code", county + "102000", "name", MEGABYTE)).post(url).then().statusCode(400)
                .body("fields[0].field", is("name")).body("fields[0].message", containsString("不能超过4000个字"));
        String incomes = "/api/counties/" + county + "/households/1/incomes";
        as(countyAdmin).body("{\"year\": 2024, \"wage\": \"abc\"}").put(incomes).then().statusCode(400)
                .body("fields[0].field", is("wage")).body("fields[0].message", containsString("应为数字"));
        for (String date : List.of("2024-02-30", "2024/01/01", "+999999999-01-01", "-999999999-01-01")) {
            as(countyAdmin).body("{\"year\": 2024, \"periodFrom\": \"" + date + "\"}").put(incomes).then().statusCode(400)
                    .body("fields[0].field", is("periodFrom")).body("fields[0].message", containsString("日期"));
        }
    }

    // ---- building the cases from the OpenAPI schemas ----

    private static List<Map.Entry<String, String>> badBodies(Map<String, Object> schema, Map<String, Object> schemas) {
        List<Map.Entry<String, String>> cases = new ArrayList<>(List.of(Map.entry("empty", ""), Map.entry("null", "null"),
                Map.entry("[]", "[]"), Map.entry("malformed", "{\"a\":"), Map.entry("string", "\"x\""), Map.entry("number", "42")));
        Map<String, Object> properties = map(resolve(schema, schemas).get("properties"));
        if (properties == null) {
            return cases;
        }
        Map<String, Object> sample = new LinkedHashMap<>();
        properties.forEach((name, p) -> sample.put(name, sampleValue(resolve(map(p), schemas))));
        properties.forEach((name, p) -> {
            Map<String, Object> ps = resolve(map(p), schemas);
            String type = type(ps);
            List<Object> wrong = new ArrayList<>();
            switch (type) {
                case "integer", "number" -> wrong.addAll(List.of("abc", "1e999", List.of()));
                case "boolean" -> wrong.add("maybe");
                case "array" -> {
                    wrong.add("not a list");
                    Map<String, Object> items = resolve(map(ps.get("items")), schemas);
                    Map<String, Object> itemProps = items == null ? null : map(items.get("properties"));
                    if (itemProps != null) {
                        // a wrong type one level down: the refusal names e.g. rows[0].idNumber
                        Map<String, Object> item = new LinkedHashMap<>();
                        itemProps.forEach((k, v) -> item.put(k, "string".equals(type(resolve(map(v), schemas))) ? Map.of("x", 1) : "abc"));
                        wrong.add(List.of(item));
                    }
                }
                case "object" -> wrong.add("not an object");
                default -> {
                    if ("date".equals(ps.get("format")) || "date-time".equals(ps.get("format"))) {
                        wrong.addAll(List.of("2024-02-30", "2024/01/01", "+999999999-01-01", "-999999999-01-01", "0000-01-01"));
                    } else {
                        wrong.add(Map.of("x", 1));
                    }
                }
            }
            for (Object w : wrong) {
                Map<String, Object> body = new LinkedHashMap<>(sample);
                body.put(name, w);
                cases.add(Map.entry(name + "=" + abbreviate(String.valueOf(w)), json(body)));
            }
            if ("string".equals(type) && ps.get("enum") == null && ps.get("format") == null) {
                Map<String, Object> body = new LinkedHashMap<>(sample);
                body.put(name, MEGABYTE);
                cases.add(Map.entry(name + "=1MB", json(body)));
            }
        });
        return cases;
    }

    private static Object sampleValue(Map<String, Object> p) {
        if (p == null) {
            return "测试";
        }
        if (p.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        return switch (type(p)) {
            case "integer", "number" -> 1;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> Map.of();
            default -> "date".equals(p.get("format")) ? "2024-01-01" : "date-time".equals(p.get("format")) ? "2024-01-01T00:00:00Z" : "测试";
        };
    }

    private static String type(Map<String, Object> p) {
        if (p == null) {
            return "string";
        }
        Object t = p.get("type");
        if (t instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(s -> !"null".equals(s)).findFirst().orElse("string");
        }
        if (t == null && p.get("properties") != null) {
            return "object";
        }
        return t == null ? "string" : t.toString();
    }

    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        if (schema == null) {
            return null;
        }
        Object ref = schema.get("$ref");
        if (ref != null) {
            return resolve(map(schemas.get(ref.toString().substring(ref.toString().lastIndexOf('/') + 1))), schemas);
        }
        if (schema.get("allOf") instanceof List<?> all && !all.isEmpty()) {
            return resolve(map(all.get(0)), schemas);
        }
        if (schema.get("oneOf") instanceof List<?> one && !one.isEmpty()) {
            return resolve(map(one.get(0)), schemas);
        }
        return schema;
    }

    private static Map<String, Object> jsonBodySchema(Map<String, Object> operation, Map<String, Object> schemas) {
        Map<String, Object> body = map(operation.get("requestBody"));
        Map<String, Object> content = body == null ? null : map(body.get("content"));
        Map<String, Object> json = content == null ? null : map(content.get("application/json"));
        return json == null ? null : json.get("schema") == null ? Map.of() : map(json.get("schema"));
    }

    private static boolean hasParameter(Map<String, Object> operation, String name) {
        return operation.get("parameters") instanceof List<?> ps && ps.stream().anyMatch(p -> name.equals(map(p).get("name")));
    }

    /** Path parameters: the test county, else a number every typed parameter accepts. */
    private String fill(String path) {
        return path.replace("{county}", county).replaceAll("\\{[^}]+}", "1");
    }

    private static String jsonCode(Response r) {
        try {
            return r.jsonPath().getString("code");
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
