package cn.fpjc.app.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import cn.fpjc.app.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiBasicsTest {

    @Test
    void openApiDescribesTheApiAndSwaggerUiIsServed() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/admin/tenants"))
                .body("paths", hasKey("/api/counties/{county}/org-units"))
                .body("paths", hasKey("/api/auth/login"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void healthReportsDatabaseAndTenantRegistry() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'tenant-registry' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'tenant-registry' }.data", hasKey("ACTIVE"));
    }

    @Test
    void unknownApiPathsAnswerWithTheErrorShape() {
        Api.as("admin").get("/api/no-such-thing").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND")).body("message", containsString("未找到"));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        Api.as("admin").body("{not json").post("/api/admin/tenants").then().statusCode(400);
    }
}
