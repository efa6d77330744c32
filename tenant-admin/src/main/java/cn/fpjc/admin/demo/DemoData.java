package cn.fpjc.admin.demo;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.admin.tenant.OnboardRequest;
import cn.fpjc.admin.tenant.TenantService;
import cn.fpjc.admin.tenant.TenantStartup;
import cn.fpjc.admin.user.PasswordHasher;
import cn.fpjc.admin.user.UserAccount;
import cn.fpjc.core.platform.org.OrgUnitRequests;
import cn.fpjc.core.platform.org.OrgUnitService;
import cn.fpjc.core.registry.SyntheticRegistryService;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Demo tenants and users, seeded once on a fresh control database when fpjc.demo.seed is true.
 * The embedded launcher sets it; a configured production database never gets demo data unless
 * someone sets the flag on purpose. Township and village codes are illustrative, not official.
 */
@ApplicationScoped
public class DemoData {
    @Inject
    AppClock clock;

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    record Village(String code, String name) {
    }

    record Township(String code, String name, List<Village> villages) {
    }

    record County(String code, String name, String province, String slug, List<Township> townships) {
    }

    /** One county per province plug-in (issue: demo tenants). */
    static final List<County> COUNTIES = List.of(
            new County("230129", "延寿县", "heilongjiang", "yanshou", List.of(
                    new Township("230129100000", "延寿镇", List.of(new Village("230129100201", "长寿村"), new Village("230129100202", "新立村"))),
                    new Township("230129101000", "六团镇", List.of(new Village("230129101201", "东安村"), new Village("230129101202", "太平村"))))),
            new County("410225", "兰考县", "henan", "lankao", List.of(
                    new Township("410225100000", "城关镇", List.of(new Village("410225100201", "胡庄村"), new Village("410225100202", "朱庄村"))),
                    new Township("410225101000", "堌阳镇", List.of(new Village("410225101201", "徐场村"), new Village("410225101202", "范场村"))))),
            new County("620621", "民勤县", "gansu", "minqin", List.of(
                    new Township("620621100000", "三雷镇", List.of(new Village("620621100201", "三陶村"), new Village("620621100202", "上新村"))),
                    new Township("620621101000", "东坝镇", List.of(new Village("620621101201", "东坝村"), new Village("620621101202", "西坝村"))))),
            new County("360722", "信丰县", "jiangxi", "xinfeng", List.of(
                    new Township("360722100000", "嘉定镇", List.of(new Village("360722100201", "阳明村"), new Village("360722100202", "水东村"))),
                    new Township("360722101000", "大塘埠镇", List.of(new Village("360722101201", "大塘村"), new Village("360722101202", "韩坊村"))))),
            new County("433124", "花垣县", "hunan", "huayuan", List.of(
                    new Township("433124100000", "花垣镇", List.of(new Village("433124100201", "紫霞村"), new Village("433124100202", "塔克村"))),
                    new Township("433124101000", "双龙镇", List.of(new Village("433124101201", "十八洞村"), new Village("433124101202", "金龙村"))))));

    @ConfigProperty(name = "fpjc.demo.seed", defaultValue = "false")
    boolean seed;

    @ConfigProperty(name = "fpjc.demo.password", defaultValue = "Demo@2024")
    String password;

    /** Synthetic households per demo county (0 for none); tests use a few hundred. */
    @ConfigProperty(name = "fpjc.demo.households", defaultValue = "3000")
    int households;

    @Inject
    TenantService tenants;

    @Inject
    SyntheticRegistryService registry;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    PasswordHasher hasher;

    void onStart(@Observes @Priority(TenantStartup.PRIORITY + 10) StartupEvent event) {
        if (seed && QuarkusTransaction.requiringNew().call(() -> UserAccount.count() == 0)) {
            seedAll();
        }
    }

    void seedAll() {
        long start = System.nanoTime();
        String hash = hasher.hash(password);
        QuarkusTransaction.requiringNew().run(() -> {
            user("admin", "平台管理员", Roles.PLATFORM_ADMIN, null, null, null, hash);
            for (County c : COUNTIES) {
                user(c.province + "-admin", "省级管理员（" + c.province + "）", Roles.PROVINCE_ADMIN, c.province, null, null, hash);
            }
        });
        for (County c : COUNTIES) {
            tenants.onboard("system", new OnboardRequest(c.code, c.name, c.province));
            TenantScope.run(c.code, () -> {
                for (Township t : c.townships) {
                    orgUnits.create(c.code, new OrgUnitRequests.Create(t.code, t.name));
                    for (Village v : t.villages) {
                        orgUnits.create(c.code, new OrgUnitRequests.Create(v.code, v.name));
                    }
                }
            });
            Township township = c.townships.get(0);
            Village village = township.villages.get(0);
            QuarkusTransaction.requiringNew().run(() -> {
                user(c.slug + ".admin", c.name + "管理员", Roles.COUNTY_ADMIN, c.province, c.code, c.code, hash);
                user(c.slug + ".approver", c.name + "农业农村局审定员", Roles.COUNTY_APPROVER, c.province, c.code, c.code, hash);
                user(c.slug + ".finance", c.name + "财政局资金拨付员", Roles.COUNTY_FINANCE, c.province, c.code, c.code, hash);
                user(c.slug + ".dept", c.name + "民政局联络员", Roles.DEPARTMENT, c.province, c.code, c.code, hash);
                user(c.slug + ".reviewer", township.name + "审核员", Roles.TOWNSHIP_REVIEWER, c.province, c.code, township.code, hash);
                user(c.slug + ".clerk", village.name + "信息员", Roles.VILLAGE_CLERK, c.province, c.code, village.code, hash);
                user(c.slug + ".official", village.name + "帮扶责任人", Roles.RESPONSIBLE_OFFICIAL, c.province, c.code, village.code, hash);
            });
            if (households > 0) {
                try {
                    // Seeded per county so every demo county looks different, and the same on every fresh start.
                    registry.generate(c.code, households, Long.parseLong(c.code));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("demo registry for " + c.code + " could not be written", e);
                }
            }
        }
        LOG.infof("Seeded %d demo counties and their users in %d ms", COUNTIES.size(), (System.nanoTime() - start) / 1_000_000);
    }

    private void user(String username, String name, String role, String province, String tenant, String org, String hash) {
        UserAccount u = new UserAccount();
        u.username = username;
        u.displayName = name;
        u.roles = role;
        u.provinceId = province;
        u.tenantCode = tenant;
        u.orgCode = org;
        u.passwordHash = hash;
        u.createdAt = clock.now();
        u.persist();
    }
}
