package cn.fpjc.core.platform.tenancy;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Proves the routing end to end: the database a tenant session really talks to, as the server
 * reports it, next to the one the registry expects.
 */
@Path("/api/counties/{county}/self-check")
@TenantScoped
@Authenticated
public class TenantSelfCheckResource {
    @Inject
    EntityManager em;

    @Inject
    TenantAccess access;

    public record SelfCheck(String tenant, String expectedDatabase, String actualDatabase, boolean ok) {
    }

    /**
     * One statement in autocommit: a transaction would wrap it in three more round trips (SET autocommit=0, COMMIT,
     * SET autocommit=1) that a single read does not need (issue 17). SUPPORTS, not NOT_SUPPORTED: a caller's transaction
     * is joined rather than suspended, which would hold a second connection for the same request.
     */
    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public SelfCheck check(@PathParam("county") String county) {
        TenantInfo tenant = access.current();
        String actual = (String) em.createNativeQuery("SELECT DATABASE()").getSingleResult();
        return new SelfCheck(tenant.code(), tenant.databaseName(), actual, tenant.databaseName().equals(actual));
    }
}
