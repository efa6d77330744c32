package cn.fpjc.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Map;

/**
 * Entry point. With no database configured (no QUARKUS_DATASOURCE_JDBC_URL / -Dquarkus.datasource.jdbc.url)
 * it starts the embedded MariaDB and demo keys under ./data (kept between runs) before Quarkus reads
 * its configuration. The embedded runtime is on the classpath only in non-production builds, so it
 * is looked up reflectively; a production package without a configured database stops with a clear message.
 */
@QuarkusMain
public class Main {
    public static final String EMBEDDED_RUNTIME = "cn.fpjc.embedded.LocalRuntime";

    public static void main(String... args) throws Exception {
        ConsoleOutput.install();
        if (!databaseConfigured()) {
            startEmbedded();
        }
        Quarkus.run(args);
    }

    static boolean databaseConfigured() {
        return notBlank(System.getenv("QUARKUS_DATASOURCE_JDBC_URL")) || notBlank(System.getProperty("quarkus.datasource.jdbc.url"));
    }

    @SuppressWarnings("unchecked")
    private static void startEmbedded() throws Exception {
        Class<?> runtime;
        try {
            runtime = Class.forName(EMBEDDED_RUNTIME);
        } catch (ClassNotFoundException e) {
            System.err.println("未配置数据库：请设置 QUARKUS_DATASOURCE_JDBC_URL、QUARKUS_DATASOURCE_USERNAME、QUARKUS_DATASOURCE_PASSWORD"
                    + " (no database configured, and this production package has no embedded database; see README)");
            System.exit(2);
            return;
        }
        Path dataDir = Path.of(System.getProperty("fpjc.data-dir", "data"));
        System.out.println("No database configured: starting the embedded MariaDB with data in " + dataDir.toAbsolutePath());
        Map<String, String> config = (Map<String, String>) runtime.getMethod("prepare", Path.class).invoke(null, dataDir);
        // System properties outrank application.properties, and nothing is written to disk but data/.
        config.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
