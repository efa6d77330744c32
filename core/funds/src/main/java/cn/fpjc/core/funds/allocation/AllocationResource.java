package cn.fpjc.core.funds.allocation;

import cn.fpjc.core.funds.allocation.AllocationViews.AllocationInput;
import cn.fpjc.core.funds.allocation.AllocationViews.AllocationView;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** 衔接资金指标文件: what reached the county, from which source, and whether its projects were approved in time. */
@Path("/api/counties/{county}/funds/allocations")
@TenantScoped
@Authenticated
public class AllocationResource {
    @Inject
    AllocationService service;

    @GET
    public List<AllocationView> list(@PathParam("county") String county, @QueryParam("year") Integer year) {
        return service.list(year);
    }

    @GET
    @Path("/{id}")
    public AllocationView get(@PathParam("county") String county, @PathParam("id") long id) {
        return service.get(id);
    }

    /** Records one source of an indicator document; the same 文号 and source twice is refused (ALLOCATION_EXISTS). */
    @POST
    public Response create(@PathParam("county") String county, AllocationInput request) {
        return Response.status(201).entity(service.create(request)).build();
    }
}
