package cn.fpjc.admin.user;

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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
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

    public List<UserView> list(CurrentUser caller) {
        List<UserAccount> users;
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            users = UserAccount.listAll(Sort.ascending("username"));
        } else if (caller.hasRole(Roles.PROVINCE_ADMIN)) {
            users = UserAccount.list("provinceId", Sort.ascending("username"), caller.province());
        } else {
            users = UserAccount.list("tenantCode", Sort.ascending("username"), caller.tenant());
        }
        return users.stream().map(u -> UserView.of(u, clock.machineNow())).toList();
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
            UserAccount.<UserAccount>list("username in ?1 and (tenantCode is null or tenantCode = ?2)", wanted, tenantCode)
                    .forEach(u -> names.put(u.username, u.displayName));
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
        UserAccount user = UserAccount.findByUsername(username).orElseThrow(() -> new ApiException(PlatformError.NOT_FOUND, "用户 " + username));
        boolean reach = caller.hasRole(Roles.PLATFORM_ADMIN)
                || (caller.hasRole(Roles.PROVINCE_ADMIN) && user.tenantCode != null && caller.province() != null
                        && caller.province().equals(user.provinceId))
                || (caller.hasRole(Roles.COUNTY_ADMIN) && user.tenantCode != null && user.tenantCode.equals(caller.tenant()));
        if (!reach) {
            // Users outside the caller's reach are not disclosed.
            throw new ApiException(PlatformError.NOT_FOUND, "用户 " + username);
        }
        UserView before = UserView.of(user, clock.machineNow());
        user.failedAttempts = 0;
        user.lockedUntil = null;
        UserView after = UserView.of(user, clock.machineNow());
        audit.record(caller.username(), "UNLOCK", "app_user", username, before, after);
        return after;
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
