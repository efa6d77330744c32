package cn.fpjc.programme.examplegarden;

import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.org.OrgUnit;
import cn.fpjc.core.policy.programme.Programmes;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import cn.fpjc.core.policy.form.FormExtensions;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;

/** The example programme's own REST resource: every method first checks the county has the programme. */
@Path("/api/counties/{county}/programmes/example-garden/plots")
@TenantScoped
@RolesAllowed({Roles.COUNTY_ADMIN, Roles.VILLAGE_CLERK})
public class GardenPlotResource {
    @Inject
    Programmes programmes;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    public static final String FORM = "programme:" + ExampleGardenProgramme.ID;

    @Inject
    FormExtensions extensions;

    @Inject
    TenantAccess access;

    public record PlotRequest(String villageCode, BigDecimal areaMu, Map<String, Object> extra) {
    }

    public record PlotView(long id, String villageCode, BigDecimal areaMu, Map<String, Object> extra) {
    }

    @GET
    @Transactional
    public List<PlotView> list() {
        programmes.requireEnabled(ExampleGardenProgramme.ID);
        return GardenPlot.<GardenPlot>listAll(Sort.ascending("id")).stream()
                .filter(p -> OrgScope.covers(user.orgCode(), p.villageCode))
                .map(p -> new PlotView(p.id, p.villageCode, p.areaMu, extensions.fromJson(p.extraJson))).toList();
    }

    @POST
    @Transactional
    public Response create(PlotRequest request) {
        programmes.requireEnabled(ExampleGardenProgramme.ID);
        if (request == null || request.villageCode() == null || !OrgScope.covers(user.orgCode(), request.villageCode())
                || OrgUnit.findByCode(request.villageCode()).isEmpty()) {
            throw new ApiException(PlatformError.ORG_UNIT_CODE_INVALID, "村代码不在您的管辖范围内");
        }
        if (request.areaMu() == null || request.areaMu().signum() <= 0) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, "面积应大于0");
        }
        TenantInfo tenant = access.current();
        Map<String, Object> extra = extensions.validate(tenant.provinceId(), tenant.code(), FORM, request.extra());
        GardenPlot plot = new GardenPlot();
        plot.extraJson = extensions.toJson(extra);
        plot.villageCode = request.villageCode();
        plot.areaMu = request.areaMu();
        plot.createdAt = Instant.now();
        plot.persistAndFlush();
        PlotView view = new PlotView(plot.id, plot.villageCode, plot.areaMu, extra);
        audit.record("CREATE", "prg_example_garden_plot", String.valueOf(plot.id), null, view);
        return Response.status(201).entity(view).build();
    }
}
