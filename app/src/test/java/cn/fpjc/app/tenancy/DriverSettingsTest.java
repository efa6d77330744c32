package cn.fpjc.app.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.fpjc.core.platform.tenancy.DatabaseClusters;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The configured pools and every registered cluster's pool connect with the same Connector/J settings. */
@QuarkusTest
class DriverSettingsTest {
    @Inject
    AgroalDataSource control;

    @Inject
    @DataSource("tenants")
    AgroalDataSource tenants;

    @Test
    void bothConfiguredPoolsUseTheClustersDriverSettings() {
        for (AgroalDataSource pool : new AgroalDataSource[] {control, tenants}) {
            Properties jdbc = pool.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration().jdbcProperties();
            DatabaseClusters.DRIVER_SETTINGS.forEach((key, value) -> assertEquals(value, jdbc.getProperty(key), key));
        }
        assertEquals(Map.of("cachePrepStmts", "true", "prepStmtCacheSize", "250", "prepStmtCacheSqlLimit", "2048",
                "openTelemetry", "DISABLED", "allowLoadLocalInfileInPath", "/nonexistent/fpjc-no-local-files", "allowLoadLocalInfile", "false",
                "allowUrlInLocalInfile", "false"), DatabaseClusters.DRIVER_SETTINGS);
    }
}
