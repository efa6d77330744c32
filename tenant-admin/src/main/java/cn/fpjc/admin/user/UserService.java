package cn.fpjc.admin.user;

import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.admin.error.AdminError;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.admin.audit.PlatformAudit;
import cn.fpjc.admin.tenant.Tenant;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.org.OrgUnit;
import cn.fpjc.core.platform.plugin.ProvincePluginRegistry;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import cn.fpjc.core.platform.web.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Creating and listing users within the caller's reach: platform admins everywhere, province
 * admins for their province's counties, county admins in their own county.
 */
@ApplicationScoped
public class UserService {
    @Inject
    AppClock clock;

    @Inject
    PasswordHasher hasher;

    @Inject
    PlatformAudit audit;

    @Inject
    ProvincePluginRegistry plugins;

    @Inject
    jakarta.enterprise.event.Event<SessionRevocations.AccountChanged> accountChanged;

    /**
     * Users in the caller's reach whose username or display name contains {@code text} (blank: all), in username order,
     * paged ({@code page} from 0).
     */
    public Page<UserView> search(CurrentUser caller, String text, int page, int size) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            where.append("1 = 1");
        } else if (caller.hasRole(Roles.PROVINCE_ADMIN)) {
            where.append("provinceId = :scope");
            params.put("scope", String.valueOf(caller.province()));
        } else {
            where.append("tenantCode = :scope");
            params.put("scope", String.valueOf(caller.tenant()));
        }
        if (text != null && !text.isBlank()) {
            // '_' is common in usernames: matched as itself, not as any character.
            where.append(" and (username like :text escape '!' or displayName like :text escape '!')");
            params.put("text", "%" + text.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        var query = UserAccount.<UserAccount>find(where.toString(), Sort.ascending("username"), params);
        Instant now = clock.machineNow();
        return Page.of(query, page, size, Integer.MAX_VALUE, rows -> rows.stream().map(u -> UserView.of(u, now)).toList());
    }

    /**
     * Username → display name for the given usernames, in one query: pages show who did something by name. The caller's
     * county's users and the staff above counties (no county); a username not found is left out (the page shows it as
     * it is).
     */
    public Map<String, String> displayNames(Collection<String> usernames, String tenantCode) {
        Set<String> wanted = new LinkedHashSet<>();
        usernames.stream().filter(Objects::nonNull).forEach(wanted::add);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        // The control database in its own transaction: pages call this inside their county's transaction.
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> names = new HashMap<>();
            InLists.list(UserAccount.getEntityManager(), "from UserAccount where username in :keys and (tenantCode is null or tenantCode = :tenant)",
                    UserAccount.class, wanted, q -> q.setParameter("tenant", tenantCode)).forEach(u -> names.put(u.username, u.displayName));
            return names;
        });
    }

    @Transactional
    public UserView create(CurrentUser caller, CreateUserRequest request) {
        Set<String> roles = new LinkedHashSet<>(request.roles());
        if (!roles.stream().allMatch(Roles::isKnown)) {
            throw new ApiException(AdminError.ROLE_INVALID, "未知角色");
        }
        UserAccount user = new UserAccount();
        user.username = request.username();
        user.displayName = request.displayName().strip();
        user.roles = String.join(",", roles);
        if (roles.equals(Set.of(Roles.PLATFORM_ADMIN))) {
            requirePlatformAdmin(caller);
        } else if (roles.equals(Set.of(Roles.PROVINCE_ADMIN))) {
            requirePlatformAdmin(caller);
            if (plugins.find(request.province()).isEmpty()) {
                throw new ApiException(AdminError.PROVINCE_PLUGIN_MISSING, String.valueOf(request.province()));
            }
            user.provinceId = request.province();
        } else if (Roles.COUNTY_ROLES.containsAll(roles)) {
            Tenant tenant = request.tenant() == null ? null : Tenant.findById(request.tenant());
            if (tenant == null) {
                throw new ApiException(PlatformError.TENANT_UNKNOWN, String.valueOf(request.tenant()));
            }
            requireReach(caller, tenant);
            user.tenantCode = tenant.code;
            user.provinceId = tenant.provinceId;
            user.orgCode = checkOrg(tenant.code, roles, request.org() == null ? tenant.code : request.org());
        } else {
            throw new ApiException(AdminError.ROLE_INVALID, "平台、省级与县级角色不能混用");
        }
        if (UserAccount.count("username", user.username) > 0) {
            throw new ApiException(AdminError.USERNAME_TAKEN, user.username);
        }
        user.passwordHash = hasher.hash(request.password());
        user.createdAt = clock.now();
        user.persist();
        UserView view = UserView.of(user, clock.machineNow());
        audit.record(caller.username(), "CREATE", "app_user", user.username, null, view);
        return view;
    }

    /** Clears a lockout (and the failure count) for a user within the caller's reach; audited. */
    @Transactional
    public UserView unlock(CurrentUser caller, String username) {
        UserAccount user = reachable(caller, username);
        UserView before = UserView.of(user, clock.machineNow());
        user.failedAttempts = 0;
        user.lockedUntil = null;
        UserView after = UserView.of(user, clock.machineNow());
        audit.record(caller.username(), "UNLOCK", "app_user", username, before, after);
        return after;
    }

    /**
     * Disables (the account's tokens stop working at once on this replica, on the others at their next reload) or
     * enables an account within the caller's reach; an admin cannot disable itself. Audited.
     */
    @Transactional
    public UserView setEnabled(CurrentUser caller, String username, boolean enabled) {
        UserAccount user = reachable(caller, username);
        if (!enabled && user.username.equals(caller.username())) {
            throw new ApiException(AdminError.USER_SELF_DISABLE);
        }
        UserView before = UserView.of(user, clock.machineNow());
        if (user.enabled != enabled) {
            user.enabled = enabled;
            if (!enabled) {
                user.sessionVersion++; // enabling again does not bring the old tokens back
            }
            accountChanged.fire(new SessionRevocations.AccountChanged(user.username, user.sessionVersion, !user.enabled));
        }
        UserView after = UserView.of(user, clock.machineNow());
        audit.record(caller.username(), enabled ? "ENABLE" : "DISABLE", "app_user", username, before, after);
        return after;
    }

    /**
     * An admin sets a new password for a user within its reach (who forgot theirs): the account's current sessions end
     * and a lockout is lifted. Audited without the password.
     */
    @Transactional
    public UserView resetPassword(CurrentUser caller, String username, String password) {
        UserAccount user = reachable(caller, username);
        user.passwordHash = hasher.hash(password);
        user.failedAttempts = 0;
        user.lockedUntil = null;
        user.sessionVersion++;
        accountChanged.fire(new SessionRevocations.AccountChanged(user.username, user.sessionVersion, !user.enabled));
        UserView after = UserView.of(user, clock.machineNow());
        audit.record(caller.username(), "RESET_PASSWORD", "app_user", username, null, after);
        return after;
    }

    /** The account, if the caller may manage it; users outside the caller's reach are not disclosed (404). */
    private static UserAccount reachable(CurrentUser caller, String username) {
        UserAccount user = UserAccount.findByUsername(username).orElseThrow(() -> new ApiException(PlatformError.NOT_FOUND, "用户 " + username));
        boolean reach = caller.hasRole(Roles.PLATFORM_ADMIN)
                || (caller.hasRole(Roles.PROVINCE_ADMIN) && user.tenantCode != null && caller.province() != null
                        && caller.province().equals(user.provinceId))
                || (caller.hasRole(Roles.COUNTY_ADMIN) && user.tenantCode != null && user.tenantCode.equals(caller.tenant()));
        if (!reach) {
            throw new ApiException(PlatformError.NOT_FOUND, "用户 " + username);
        }
        return user;
    }

    private static void requirePlatformAdmin(CurrentUser caller) {
        if (!caller.hasRole(Roles.PLATFORM_ADMIN)) {
            throw new ApiException(PlatformError.FORBIDDEN);
        }
    }

    private static void requireReach(CurrentUser caller, Tenant tenant) {
        boolean allowed = caller.hasRole(Roles.PLATFORM_ADMIN)
                || (caller.hasRole(Roles.PROVINCE_ADMIN) && tenant.provinceId.equals(caller.province()))
                || (caller.hasRole(Roles.COUNTY_ADMIN) && tenant.code.equals(caller.tenant()));
        if (!allowed) {
            throw new ApiException(PlatformError.FORBIDDEN);
        }
    }

    /** The org unit must suit the roles (a village clerk sits in a village, …) and exist in the tenant's tree. */
    private static String checkOrg(String county, Set<String> roles, String org) {
        boolean countyLevel = roles.contains(Roles.COUNTY_ADMIN) || roles.contains(Roles.COUNTY_APPROVER) || roles.contains(Roles.DEPARTMENT)
                || roles.contains(Roles.COUNTY_FINANCE);
        if (countyLevel && !org.equals(county)) {
            throw new ApiException(AdminError.ROLE_INVALID, "县级角色的所属单位应为本县");
        }
        if (roles.contains(Roles.TOWNSHIP_REVIEWER) && !OrgScope.isTownship(org)) {
            throw new ApiException(AdminError.ROLE_INVALID, "乡镇审核人员的所属单位应为乡镇");
        }
        if (roles.contains(Roles.VILLAGE_CLERK) && !OrgScope.isVillage(org)) {
            throw new ApiException(AdminError.ROLE_INVALID, "村级信息员的所属单位应为村");
        }
        if (!org.equals(county)) {
            if (!org.startsWith(county)) {
                throw new ApiException(AdminError.ROLE_INVALID, "所属单位不属于本县");
            }
            boolean exists = TenantScope.call(county, () -> QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode(org).isPresent()));
            if (!exists) {
                throw new ApiException(AdminError.ROLE_INVALID, "所属单位 " + org + " 不存在");
            }
        }
        return org;
    }
}
