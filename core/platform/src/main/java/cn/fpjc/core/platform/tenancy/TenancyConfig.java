package cn.fpjc.core.platform.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "fpjc.tenancy")
public interface TenancyConfig {
    /** Tenant databases are named prefix + county code, e.g. county_620621. */
    @WithDefault("county_")
    String databasePrefix();

    /**
     * Run SELECT DATABASE() after every catalog switch and fail loudly on a mismatch. Costs one
     * round trip per connection checkout; on in tests, off by default in production.
     */
    @WithDefault("false")
    boolean verifyCatalog();

    /**
     * How often every replica reloads the whole tenant registry and the revoked sessions from the control database (read
     * by the schedulers' {@code ${fpjc.tenancy.registry-refresh}}; declared here so setting it passes validation).
     */
    @WithDefault("10s")
    java.time.Duration registryRefresh();

    /** A county the registry does not hold as ACTIVE is read from the control database at most once per this interval. */
    @WithDefault("3s")
    java.time.Duration registryRecheck();

    /**
     * How long a county being moved to another cluster stays read-only before its copy starts: longer than every replica's
     * registry refresh (fpjc.tenancy.registry-refresh, 10 s), so none still writes to the source, plus writes in flight.
     */
    @WithDefault("15s")
    java.time.Duration moveSettle();

    /** A move whose heartbeat is older than this has lost its process and is rolled back by the next sweep. */
    @WithDefault("2m")
    java.time.Duration moveStale();

    default String databaseFor(String tenantCode) {
        if (tenantCode == null || !tenantCode.matches("\\d{6}")) {
            // The code comes from a verified token and the registry, but never build SQL names from anything else.
            throw new IllegalArgumentException("not a county code");
        }
        return databasePrefix() + tenantCode;
    }
}
