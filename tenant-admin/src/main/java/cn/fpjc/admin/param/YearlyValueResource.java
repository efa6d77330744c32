package cn.fpjc.admin.param;

import cn.fpjc.admin.error.AdminError;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.plugin.ProvincePluginRegistry;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/**
 * Values a province sets each year (e.g. the monitoring threshold). A province admin acts on its own
 * province only; each value applies to its year only.
 */
@Path("/api/admin/provinces/{province}/yearly-values")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.PROVINCE_ADMIN})
public class YearlyValueResource {
    @Inject
    YearlyValueService service;

    @Inject
    ProvincePluginRegistry plugins;

    @Inject
    CurrentUser user;

    @GET
    public List<YearlyValueService.YearlyValueView> list(@PathParam("province") String province) {
        return service.list(checkScope(province));
    }

    @PUT
    @Path("/{key}/{year}")
    public YearlyValueService.YearlyValueView set(@PathParam("province") String province, @PathParam("key") String key,
            @PathParam("year") int year, YearlyValueService.SetRequest request) {
        return service.set(user.username(), checkScope(province), key, year, request);
    }

    private String checkScope(String province) {
        if (plugins.find(province).isEmpty()) {
            throw new ApiException(PlatformError.NOT_FOUND, "省份 " + province);
        }
        if (!user.hasRole(Roles.PLATFORM_ADMIN) && !province.equals(user.province())) {
            throw new ApiException(AdminError.PROVINCE_SCOPE);
        }
        return province;
    }
}
