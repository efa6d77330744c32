package cn.fpjc.admin.operations;

import cn.fpjc.admin.tenant.TenantResource;
import cn.fpjc.core.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** Every county's operational status, for the platform's operators only (README "Platform operations view"). */
@Path("/api/admin/operations")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class OperationsResource {
    @Inject
    OperationsService service;

    /**
     * Counties in code order, optionally of one {@code status} and one {@code province} (plug-in id, e.g. henan), paged
     * ({@code page} from 0, {@code size} up to 50). The total is in X-Total-Count.
     */
    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("province") String province,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return service.search(TenantResource.parseStatus(status), province, page, size).toResponse();
    }
}
