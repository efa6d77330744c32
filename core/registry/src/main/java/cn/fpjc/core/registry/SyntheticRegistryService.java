package cn.fpjc.core.registry;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.tenancy.TenantConnections;
import cn.fpjc.core.platform.tenancy.TenantDirectory;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Fills a county's registry with synthetic households (demo seeding, benchmarks). Never called on real counties' behalf. */
@ApplicationScoped
public class SyntheticRegistryService {
    private static final Logger LOG = Logger.getLogger(SyntheticRegistryService.class);

    @Inject
    TenantDirectory tenants;

    @Inject
    TenantConnections connections;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    AppClock clock;

    /** Adds {@code count} households to the county's villages, numbered after the ones already there. */
    public SyntheticRegistry.Result generate(String county, int count, long seed) throws SQLException {
        TenantInfo tenant = tenants.find(county).orElseThrow(() -> new IllegalArgumentException("unknown county " + county));
        Connection c = connections.open(tenant);
        try {
            List<String> villages = new ArrayList<>();
            int existing;
            try (PreparedStatement st = c.prepareStatement("SELECT code FROM org_unit WHERE level = 'VILLAGE' ORDER BY code");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    villages.add(rs.getString(1));
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM household"); ResultSet rs = st.executeQuery()) {
                rs.next();
                existing = rs.getInt(1);
            }
            if (villages.isEmpty()) {
                throw new IllegalStateException("county " + county + " has no villages to put households in");
            }
            SyntheticRegistry.Result result = new SyntheticRegistry(cipher, seed + existing, TenantScope.call(county, clock::now))
                    .generate(c, county, villages, count, existing + 1, 500);
            if (count >= RegistryStatistics.BULK) {
                RegistryStatistics.refresh(c);
            }
            LOG.infof("synthetic registry for %s: %d households, %d members in %d ms", county, result.households(),
                    result.members(), result.millis());
            return result;
        } finally {
            connections.release(c);
        }
    }
}
