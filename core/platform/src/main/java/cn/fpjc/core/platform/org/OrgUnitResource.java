package cn.fpjc.core.platform.org;

import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Townships and villages of a county. Everyone sees the part of the tree their org unit covers; the county admin edits. */
@Path("/api/counties/{county}/org-units")
@TenantScoped
@Authenticated
public class OrgUnitResource {
    @Inject
    OrgUnitService service;

    @Inject
    CurrentUser user;

    @GET
    public List<OrgUnitView> list(@PathParam("county") String county) {
        return service.listVisible(user.orgCode());
    }

    @GET
    @Path("/{code}")
    public OrgUnitView get(@PathParam("county") String county, @PathParam("code") String code) {
        return service.get(user.orgCode(), code);
    }

    @POST
    @RolesAllowed(Roles.COUNTY_ADMIN)
    public Response create(@PathParam("county") String county, @Valid OrgUnitRequests.Create request) {
        OrgUnitView created = service.create(county, request);
        return Response.created(URI.create("/api/counties/" + county + "/org-units/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.COUNTY_ADMIN)
    public OrgUnitView rename(@PathParam("county") String county, @PathParam("code") String code,
            @Valid OrgUnitRequests.Rename request) {
        return service.rename(code, request);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.COUNTY_ADMIN)
    public Response delete(@PathParam("county") String county, @PathParam("code") String code) {
        service.delete(code);
        return Response.noContent().build();
    }
}
