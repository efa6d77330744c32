package cn.fpjc.core.policy.programme;

import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** The programmes the caller's county has (enabled by its province plug-in). */
@Path("/api/counties/{county}/programmes")
@TenantScoped
@Authenticated
public class ProgrammeResource {
    @Inject
    Programmes programmes;

    @Inject
    TenantAccess access;

    public record ProgrammeView(String id, String name) {
    }

    @GET
    public List<ProgrammeView> list(@PathParam("county") String county) {
        TenantInfo tenant = access.current();
        return programmes.enabledFor(tenant.provinceId(), tenant.code()).stream()
                .map(p -> new ProgrammeView(p.id(), p.displayName())).toList();
    }
}
