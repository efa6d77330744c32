package cn.fpjc.ui.common;

import cn.fpjc.core.monitoring.MonitoringOverview;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.registry.quality.DataQualityService;
import cn.fpjc.core.platform.org.OrgUnit;
import cn.fpjc.core.platform.plugin.ProvincePlugin;
import cn.fpjc.core.platform.plugin.ProvincePluginRegistry;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantDirectory;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.policy.param.ParameterOrigin;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The landing page: who I am, my county, my org unit, my roles; for county, township and village staff (and officials and
 * departments, as far as they read monitoring) the work due today and this week in their scope, each item a link, and the
 * monitoring figures with a chart.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class HomePage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @Inject
    CurrentUser user;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantAccess access;

    @Inject
    ProvincePluginRegistry plugins;

    @Inject
    cn.fpjc.core.policy.param.EffectiveParameters parameters;

    @Inject
    cn.fpjc.core.platform.clock.AppClock clock;

    @Inject
    MonitoringOverview overview;

    @Inject
    DataQualityService dataQuality;

    @Inject
    cn.fpjc.core.platform.metrics.CountyMetricsResource countyMetrics;

    @GET
    @Transactional
    public TemplateInstance home() {
        TemplateInstance page = Templates.home().data("user", PageUser.of(user));
        plugins.find(user.province()).map(ProvincePlugin::displayName).ifPresent(name -> page.data("provinceName", name));
        if (user.hasRole(Roles.PROVINCE_ADMIN) && user.province() != null && parameters.resolve(user.province(), null,
                "monitoring.threshold", clock.year()).origin() == ParameterOrigin.NOT_SET) {
            page.data("thresholdMissingYear", clock.year()); // the province has not set this year's 监测范围
        }
        if (user.tenant() != null) {
            directory.find(user.tenant()).map(TenantInfo::name).ifPresent(name -> page.data("tenantName", name));
            try {
                TenantInfo tenant = access.bind(null);
                String org = user.orgCode();
                String orgName = OrgScope.isCounty(org) ? tenant.name()
                        : OrgUnit.findByCode(org).map(u -> u.name).orElse("（单位已删除）");
                page.data("orgName", orgName);
                if (overview.canRead()) {
                    page.data("work", overview.work());
                }
                if (user.hasAnyRole(RegistryService.READERS)) {
                    DataQualityService.Summary dq = dataQuality.summary();
                    page.data("findings", dq.latest() == null ? -1L : dq.rules().stream().mapToLong(DataQualityService.RuleCount::count).sum());
                }
            } catch (RuntimeException failure) {
                ApiException e = FormSubmit.refusal(failure);
                page.data("error", e.humanMessage());
            }
            try {
                page.data("figures", countyMetrics.report(null));
            } catch (RuntimeException failure) {
                // The figures are a summary: the day's work above stays whatever happens to them (the metrics page says why).
                org.jboss.logging.Logger.getLogger(HomePage.class).warnf(failure, "home figures of %s", user.tenant());
            }
        }
        return page;
    }
}
