package cn.fpjc.ui.policy;

import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.procedure.EffectiveProcedures;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.ui.common.PageUser;
import cn.fpjc.core.platform.clock.AppClock;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.IntStream;

/** 本县执行参数: what applies to my county in a year, where each value comes from and its source. */
@Path("/parameters")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ParameterPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance parameters();
    }

    @Inject
    AppClock clock;

    @Inject
    TenantAccess access;

    @Inject
    EffectiveParameters parameters;

    @Inject
    CurrentUser user;

    @Inject
    EffectiveProcedures procedures;

    @GET
    public TemplateInstance show(@QueryParam("year") Integer year) {
        TenantInfo tenant = access.bind(null);
        int current = clock.year();
        int shown = year == null ? current : year;
        return Templates.parameters().data("user", PageUser.of(user)).data("tenantName", tenant.name()).data("year", shown)
                .data("years", IntStream.rangeClosed(2023, current + 1).boxed().toList())
                .data("parameters", parameters.resolveAll(tenant.provinceId(), tenant.code(), shown))
                .data("procedures", procedures.resolveAll(tenant.provinceId(), tenant.code(), shown))
                .data("roleLabels", Roles.labels());
    }
}
