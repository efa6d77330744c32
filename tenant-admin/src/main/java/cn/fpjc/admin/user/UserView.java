package cn.fpjc.admin.user;

import cn.fpjc.core.platform.security.Roles;
import java.time.Instant;
import java.util.List;

public record UserView(String username, String displayName, List<String> roles, List<String> roleLabels, String provinceId,
        String tenantCode, String orgCode, boolean enabled, boolean locked) {
    /** {@code now}: the machine's time, the one lockouts are set in (AuthService). */
    public static UserView of(UserAccount u, Instant now) {
        List<String> roles = List.copyOf(u.roleSet());
        return new UserView(u.username, u.displayName, roles, roles.stream().map(Roles::label).toList(), u.provinceId,
                u.tenantCode, u.orgCode, u.enabled, u.lockedUntil != null && u.lockedUntil.isAfter(now));
    }
}
