package cn.fpjc.app.tenancy;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The registry is searchable by code or name and status, and paged, in the API and on the page. */
@QuarkusTest
class TenantSearchTest {

    @Test
    void searchByCodeOrNameAndStatusWithPaging() {
        as("admin").queryParam("q", "民勤").get("/api/admin/tenants").then().statusCode(200)
                .body("code", contains("620621")).header("X-Total-Count", "1");
        as("admin").queryParam("q", "4331").get("/api/admin/tenants").then().body("name", contains("花垣县"));
        as("admin").queryParam("status", "ACTIVE").queryParam("size", 2).get("/api/admin/tenants").then().statusCode(200)
                .body("$", hasSize(2)).body("status", everyItem(equalTo("ACTIVE")));
        int total = Integer.parseInt(as("admin").queryParam("size", 2).get("/api/admin/tenants").then().extract().header("X-Total-Count"));
        as("admin").queryParam("size", 2).queryParam("page", (total - 1) / 2).get("/api/admin/tenants").then()
                .body("$", hasSize(total % 2 == 0 ? 2 : 1));
        // A province admin's search never reaches another province.
        as("henan-admin").queryParam("q", "民勤").get("/api/admin/tenants").then().body("$", hasSize(0)).header("X-Total-Count", "0");
        as("admin").queryParam("status", "NO_SUCH").get("/api/admin/tenants").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void theRegistryPageSearchesAndPages() {
        String page = as("admin").accept("text/html").queryParam("q", "兰考").get("/admin/tenants").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("data-code=\"410225\"") && !page.contains("data-code=\"620621\"") && page.contains("共 1 个"), page);
        String all = as("admin").accept("text/html").get("/admin/tenants").then().statusCode(200).extract().asString();
        assertTrue(all.contains("第 1 / ") || !all.contains("id=\"pager\""), "pager shown only when there is more than one page");
    }
}
