package cn.fpjc.app.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.client.ApiClient;
import cn.fpjc.client.ApiException;
import cn.fpjc.client.ApiResponse;
import cn.fpjc.client.api.AuthResourceApi;
import cn.fpjc.client.api.RegistryResourceApi;
import cn.fpjc.client.model.HouseholdDetail;
import cn.fpjc.client.model.LoginRequest;
import cn.fpjc.client.model.LoginResponse;
import cn.fpjc.client.model.Me;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated from the committed contract (openapi-generator, app/pom.xml) talks to the running app: it
 * signs in, reads who it is, lists and reads households, and gets the JSON error for a household that does not exist.
 */
@QuarkusTest
class GeneratedClientTest {
    static final String COUNTY = "230129";

    @TestHTTPResource("/")
    URI root;

    ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(root.toString().replaceAll("/$", ""));
        return client;
    }

    @Test
    void aGeneratedClientSignsInListsAndReadsHouseholds() throws Exception {
        ApiClient client = client();
        LoginResponse login = new AuthResourceApi(client)
                .authResourceLogin(new LoginRequest().username("yanshou.admin").password(Api.DEMO_PASSWORD));
        assertFalse(login.getToken().isBlank());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + login.getToken()));

        Me me = new AuthResourceApi(client).authResourceMe();
        assertEquals("yanshou.admin", me.getUsername());
        assertEquals(COUNTY, me.getTenant());

        RegistryResourceApi registry = new RegistryResourceApi(client);
        ApiResponse<Object> page = registry.registryResourceSearchWithHttpInfo(COUNTY, null, null, null, 0, null, 5, null);
        assertEquals(200, page.getStatusCode());
        long total = Long.parseLong(page.getHeaders().get("x-total-count").get(0));
        List<?> rows = (List<?>) page.getData();
        assertTrue(total > 0 && rows.size() == 5, "total " + total + ", rows " + rows.size());
        long id = ((Number) ((Map<?, ?>) rows.get(0)).get("id")).longValue();

        HouseholdDetail household = registry.registryResourceGet(COUNTY, id);
        assertEquals(id, household.getId());
        assertFalse(household.getMembers().isEmpty());
        assertTrue(household.getMembers().get(0).getIdMasked().contains("*"), "masked ID number");

        ApiException missing = assertThrows(ApiException.class, () -> registry.registryResourceGet(COUNTY, 999_999_999L));
        assertEquals(404, missing.getCode());
        assertTrue(missing.getResponseBody().contains("\"code\":\"NOT_FOUND\""), missing.getResponseBody());
    }

    @Test
    void aWrongPasswordIsTheDocumentedErrorNotAToken() {
        ApiException refused = assertThrows(ApiException.class, () -> new AuthResourceApi(client())
                .authResourceLogin(new LoginRequest().username("nobody-" + System.nanoTime()).password("wrong")));
        assertEquals(401, refused.getCode());
        assertTrue(refused.getResponseBody().contains("\"code\":\"AUTH_FAILED\""), refused.getResponseBody());
    }
}
