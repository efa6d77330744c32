package cn.fpjc.ui.admin;

import cn.fpjc.ui.common.Flash;
import cn.fpjc.admin.param.YearlyValueResource;
import cn.fpjc.admin.param.YearlyValueService;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterDefinition;
import cn.fpjc.core.policy.param.ParameterOrigin;
import cn.fpjc.core.platform.plugin.ProvincePluginResource;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.ui.common.Names;
import cn.fpjc.ui.common.PageUser;
import cn.fpjc.core.platform.clock.AppClock;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.RestForm;

/** Province admins set the values their province fixes each year (e.g. the monitoring threshold). Same rules as the API. */
@Path("/admin/yearly-values")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.PROVINCE_ADMIN})
public class YearlyValuePage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance values();
    }

    @Inject
    Names names;

    @Inject
    AppClock clock;

    @Inject
    YearlyValueResource api;

    @Inject
    ProvincePluginResource provinces;

    @Inject
    EffectiveParameters parameters;

    @Inject
    CurrentUser user;

    /** The year's 监测范围: a province that has not set it is reminded on this page and on its admins' home page. */
    public static final String THRESHOLD = "monitoring.threshold";

    @GET
    public TemplateInstance show(@QueryParam("province") String province, @CookieParam(Flash.INFO) String flash) {
        return page(province).data("flash", Flash.text(flash));
    }

    @POST
    public Response set(@RestForm String province, @RestForm String key, @RestForm int year, @RestForm String value,
            @RestForm String source, @RestForm Long version) {
        try {
            api.set(province, key, year, new YearlyValueService.SetRequest(value, source, version));
            String flash = (version == null ? "已设定 " : "已修改 ") + year + " 年 " + parameters.catalogue().definition(key).map(ParameterDefinition::label).orElse(key);
            return Response.seeOther(URI.create("/admin/yearly-values?province=" + URLEncoder.encode(province, StandardCharsets.UTF_8)))
                    .cookie(Flash.info(flash)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(page(province).data("error", e.humanMessage())).build();
        }
    }

    private TemplateInstance page(String requested) {
        var visible = provinces.list().stream()
                .filter(p -> user.hasRole(Roles.PLATFORM_ADMIN) || p.id().equals(user.province())).toList();
        String province = requested != null && visible.stream().anyMatch(p -> p.id().equals(requested)) ? requested : visible.get(0).id();
        String provinceName = visible.stream().filter(p -> p.id().equals(province)).findFirst().orElseThrow().name();
        var values = api.list(province);
        return Templates.values().data("user", PageUser.of(user)).data("province", province).data("provinceName", provinceName)
                .data("provinces", visible).data("values", values)
                .data("users", names.users(values.stream().map(YearlyValueService.YearlyValueView::setBy)))
                .data("settable", parameters.catalogue().definitions().stream().filter(ParameterDefinition::settableByProvince).toList())
                .data("nextYear", clock.year() + 1).data("thisYear", clock.year())
                .data("thresholdMissing", parameters.resolve(province, null, THRESHOLD, clock.year()).origin() == ParameterOrigin.NOT_SET);
    }
}
