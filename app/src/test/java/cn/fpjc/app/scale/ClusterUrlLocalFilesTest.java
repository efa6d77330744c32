package cn.fpjc.app.scale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.core.platform.bulkload.LocalInfile;
import cn.fpjc.core.platform.tenancy.DatabaseClusters;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A registered cluster's JDBC URL cannot switch the driver's local-file reading back on: the pools' own driver settings
 * win over the URL's (Connector/J takes explicit properties over the URL's), so a LOAD naming an app file is refused.
 */
class ClusterUrlLocalFilesTest {
    @Test
    void aUrlAskingForLocalFilesGetsNone() throws Exception {
        Path secret = Files.writeString(Files.createTempFile("fpjc-secret", ".txt"), "1\n");
        Properties properties = new Properties();
        DatabaseClusters.DRIVER_SETTINGS.forEach(properties::setProperty);
        properties.setProperty("user", SecondCluster.server().rootAccount().user());
        properties.setProperty("password", SecondCluster.server().rootAccount().password());
        try (Connection c = new com.mysql.cj.jdbc.Driver().connect(SecondCluster.jdbcUrl() + "&allowLoadLocalInfile=true&allowUrlInLocalInfile=true",
                properties); Statement st = c.createStatement()) {
            assertFalse(c.unwrap(JdbcConnection.class).getPropertySet().getBooleanProperty(PropertyKey.allowLoadLocalInfile).getValue());
            st.execute("CREATE DATABASE IF NOT EXISTS url_files_test");
            st.execute("CREATE OR REPLACE TABLE url_files_test.t (a INT)");
            SQLException refused = assertThrows(SQLException.class,
                    () -> st.executeUpdate("LOAD DATA LOCAL INFILE '" + secret + "' INTO TABLE url_files_test.t"));
            assertTrue(refused.getMessage().contains(LocalInfile.NO_FILES_PATH), refused.getMessage());
            st.execute("DROP DATABASE url_files_test");
        } finally {
            Files.deleteIfExists(secret);
        }
    }
}
