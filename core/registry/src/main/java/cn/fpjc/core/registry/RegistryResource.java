package cn.fpjc.core.registry;

import cn.fpjc.core.registry.RegistryRequests.CreateHousehold;
import cn.fpjc.core.registry.RegistryRequests.GuaranteeInput;
import cn.fpjc.core.registry.RegistryRequests.HouseholdInput;
import cn.fpjc.core.registry.RegistryRequests.IncomeInput;
import cn.fpjc.core.registry.RegistryRequests.MemberInput;
import cn.fpjc.core.registry.RegistryViews.HouseholdDetail;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * 农户信息: households, members, yearly incomes and 三保障 status of the county, limited to the caller's
 * org scope. Lists carry masked ID numbers only; {@code POST …/members/{id}/reveal} returns the full
 * number to an authorised role with a reason, and is audited.
 */
@Path("/api/counties/{county}/households")
@TenantScoped
@Authenticated
public class RegistryResource {
    @Inject
    RegistryService service;

    @Inject
    RegistryExport export;

    @Inject
    cn.fpjc.core.platform.tenancy.TenantAccess access;

    /**
     * Search: {@code q} matches the start of a member's name or of the household number; {@code idNumber}
     * finds the household of exactly that person; {@code village} (a village or township code) and
     * {@code category} (脱贫户/监测户/一般农户) filter. Paged from 0; the total is in X-Total-Count.
     */
    @GET
    public Response search(@PathParam("county") String county, @QueryParam("q") String q, @QueryParam("village") String village,
            @QueryParam("category") String category, @QueryParam("idNumber") String idNumber,
            @QueryParam("includeClosed") @DefaultValue("false") boolean includeClosed,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        boolean exactId = idNumber != null && !idNumber.isBlank() && (q == null || q.isBlank());
        return (exactId ? service.searchByIdNumber(village, category, idNumber, includeClosed, page, size)
                : service.search(q, village, category, idNumber, includeClosed, page, size)).toResponse();
    }

    /** 农户台账: the same search as an xlsx workbook, ID numbers masked. */
    @GET
    @Path("/export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response export(@PathParam("county") String county, @QueryParam("q") String q, @QueryParam("village") String village,
            @QueryParam("category") String category, @QueryParam("idNumber") String idNumber,
            @QueryParam("includeClosed") @DefaultValue("false") boolean includeClosed) throws java.io.IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        export.write(q, village, category, idNumber, includeClosed, access.current().name() + "农户台账", buffer);
        return cn.fpjc.core.platform.web.Downloads.attachment(Response.ok(buffer.toByteArray()), access.current().name() + "农户台账.xlsx");
    }

    @POST
    public Response create(@PathParam("county") String county, CreateHousehold request) {
        HouseholdDetail created = service.create(request);
        return Response.created(URI.create("/api/counties/" + county + "/households/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    public HouseholdDetail get(@PathParam("county") String county, @PathParam("id") long id) {
        return service.detail(id);
    }

    @PUT
    @Path("/{id}")
    public HouseholdDetail update(@PathParam("county") String county, @PathParam("id") long id, HouseholdInput request) {
        return service.update(id, request);
    }

    @POST
    @Path("/{id}/members")
    public Response addMember(@PathParam("county") String county, @PathParam("id") long id, MemberInput request) {
        return Response.status(201).entity(service.addMember(id, request)).build();
    }

    @PUT
    @Path("/{id}/members/{memberId}")
    public HouseholdDetail updateMember(@PathParam("county") String county, @PathParam("id") long id,
            @PathParam("memberId") long memberId, MemberInput request) {
        return service.updateMember(id, memberId, request);
    }

    @POST
    @Path("/{id}/members/{memberId}/remove")
    public HouseholdDetail removeMember(@PathParam("county") String county, @PathParam("id") long id,
            @PathParam("memberId") long memberId, RegistryRequests.RemoveMember request) {
        return service.removeMember(id, memberId, request == null ? null : request.reason());
    }

    @POST
    @Path("/{id}/members/{memberId}/move")
    public HouseholdDetail moveMember(@PathParam("county") String county, @PathParam("id") long id,
            @PathParam("memberId") long memberId, RegistryRequests.MoveMember request) {
        return service.moveMember(id, memberId, request);
    }

    @POST
    @Path("/{id}/members/{memberId}/reveal")
    public RegistryViews.Revealed reveal(@PathParam("county") String county, @PathParam("id") long id,
            @PathParam("memberId") long memberId, RegistryRequests.Reveal request) {
        return service.reveal(id, memberId, request == null ? null : request.reason());
    }

    @POST
    @Path("/{id}/split")
    public Response split(@PathParam("county") String county, @PathParam("id") long id, RegistryRequests.Split request) {
        return Response.status(201).entity(service.split(id, request)).build();
    }

    @POST
    @Path("/{id}/merge")
    public HouseholdDetail merge(@PathParam("county") String county, @PathParam("id") long id, RegistryRequests.Merge request) {
        return service.merge(id, request);
    }

    /** Records (or corrects) the household's income for {@code year} in the body. */
    @PUT
    @Path("/{id}/incomes")
    public HouseholdDetail income(@PathParam("county") String county, @PathParam("id") long id, IncomeInput request) {
        return service.recordIncome(id, request);
    }

    @PUT
    @Path("/{id}/guarantee")
    public HouseholdDetail guarantee(@PathParam("county") String county, @PathParam("id") long id, GuaranteeInput request) {
        return service.recordGuarantee(id, request);
    }
}
