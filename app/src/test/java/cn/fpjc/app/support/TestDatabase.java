package cn.fpjc.app.support;

import cn.fpjc.embedded.EmbeddedMariaDb;
import cn.fpjc.embedded.LocalKeys;
import cn.fpjc.embedded.LocalRuntime;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The database every @QuarkusTest runs against: a throw-away embedded MariaDB by default, or the
 * external server named by -Dfpjc.test.external-jdbc-url (with -Dfpjc.test.external-username /
 * -password), which is how .ci/run exercises the production path with a least-privilege user.
 * Token keys are generated fresh for the run.
 */
@QuarkusTestResource(TestDatabase.class)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {
    private EmbeddedMariaDb embedded;

    @Override
    public Map<String, String> start() {
        try {
            Path keys = Files.createTempDirectory("fpjc-test-keys");
            LocalKeys.ensure(keys);
            Map<String, String> config = new HashMap<>();
            String external = System.getProperty("fpjc.test.external-jdbc-url", "");
            if (external.isBlank()) {
                // Grants on, as in the run command: the tests connect as the least-privilege app user.
                embedded = EmbeddedMariaDb.start(null, "fpjc_control_test");
                config.putAll(LocalRuntime.config(embedded.jdbcUrl("fpjc_control_test"), embedded.appAccount().user(),
                        embedded.appAccount().password(), keys, true));
            } else {
                config.putAll(LocalRuntime.config(external, System.getProperty("fpjc.test.external-username", ""),
                        System.getProperty("fpjc.test.external-password", ""), keys, true));
                config.put("fpjc.tenancy.database-prefix", System.getProperty("fpjc.test.database-prefix", "ci_county_"));
            }
            // Every tenant checkout double-checks its database in tests; benchmarks turn it off to measure what production runs.
            config.put("fpjc.tenancy.verify-catalog", System.getProperty("fpjc.test.verify-catalog", "true"));
            config.put("fpjc.security.bcrypt-cost", "4");
            config.put("fpjc.demo.households", "200");
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test database", e);
        }
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (Exception ignored) {
                // temp data goes with the process
            }
        }
    }
}
