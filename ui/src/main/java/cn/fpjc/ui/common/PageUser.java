package cn.fpjc.ui.common;

import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import java.util.List;
import java.util.TreeSet;

/** What the page layout shows about the logged-in user. */
public record PageUser(String username, String displayName, List<String> roleLabels, String tenant, String province, String org,
        boolean admin, boolean platformAdmin, boolean countyAdmin, boolean fundsReader) {
    public static PageUser of(CurrentUser user) {
        return new PageUser(user.username(), user.displayName(),
                new TreeSet<>(user.roles()).stream().map(Roles::label).toList(), user.tenant(), user.province(), user.orgCode(),
                user.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PROVINCE_ADMIN), user.hasRole(Roles.PLATFORM_ADMIN), user.hasRole(Roles.COUNTY_ADMIN),
                user.tenant() != null && user.hasAnyRole(cn.fpjc.core.funds.FundsRoles.READERS));
    }
}
