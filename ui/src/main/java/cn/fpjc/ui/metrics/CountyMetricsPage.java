package cn.fpjc.ui.metrics;

import cn.fpjc.core.platform.metrics.CountyMetricsResource;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * 工作指标: the figures the county is judged by, for the reader's org unit, opened up one level at a time (county →
 * townships → villages). The same definitions feed the province's dashboard (README "Roll-ups").
 */
@Path("/metrics")
@Produces(MediaType.TEXT_HTML)
@TenantScoped
@Authenticated
public class CountyMetricsPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance metrics();
    }

    @Inject
    CountyMetricsResource api;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance show(@QueryParam("org") String org) {
        return Templates.metrics().data("user", PageUser.of(user)).data("figures", api.report(org));
    }
}
