package cn.fpjc.embedded;

import java.nio.file.Path;
import java.util.Map;

/**
 * Prepares a machine with nothing but Java for the demo run: an embedded MariaDB whose data is kept
 * in {@code data/mariadb}, token keys in {@code data/keys}, demo seeding on, and today's date adjustable. Returns the
 * configuration it produced; the caller installs it as system properties before Quarkus starts.
 */
public final class LocalRuntime {
    public static final String CONTROL_DATABASE = "fpjc_control";

    private LocalRuntime() {
    }

    public static Map<String, String> prepare(Path dataDir) throws Exception {
        Path keys = dataDir.resolve("keys");
        LocalKeys.ensure(keys);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir.resolve("mariadb"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.close();
            } catch (Exception ignored) {
                // the process is going away anyway
            }
        }, "embedded-mariadb-stop"));
        return config(db.jdbcUrl(CONTROL_DATABASE), keys, true);
    }

    /** The Quarkus configuration that points the app at an embedded server's URL (as root) and at the keys in {@code keys}. */
    public static Map<String, String> config(String jdbcUrl, Path keys, boolean seedDemo) {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", "root",
                "quarkus.datasource.password", "",
                "mp.jwt.verify.publickey.location", keys.resolve(LocalKeys.PUBLIC_KEY).toUri().toString(),
                "smallrye.jwt.sign.key.location", keys.resolve(LocalKeys.PRIVATE_KEY).toUri().toString(),
                "fpjc.personal-data.encryption-key-location", keys.resolve(LocalKeys.ID_ENCRYPTION_KEY).toUri().toString(),
                "fpjc.personal-data.hash-key-location", keys.resolve(LocalKeys.ID_HASH_KEY).toUri().toString(),
                "fpjc.demo.seed", Boolean.toString(seedDemo),
                // tests and the demo may set today's date (PUT /api/admin/clock); production never can
                "fpjc.clock.adjustable", "true");
    }
}
