package cn.fpjc.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Prepares a machine with nothing but Java for the demo run: an embedded MariaDB whose data is kept
 * in {@code data/mariadb}, token keys in {@code data/keys}, demo seeding on, and today's date adjustable. Returns the
 * configuration it produced; the caller installs it as system properties before Quarkus starts.
 */
public final class LocalRuntime {
    public static final String CONTROL_DATABASE = "fpjc_control";
    private static volatile EmbeddedMariaDb current;

    private LocalRuntime() {
    }

    public static Map<String, String> prepare(Path dataDir) throws Exception {
        EmbeddedMariaDb.bufferPoolSize(); // a bad size is refused before anything is written, keys included
        Path keys = dataDir.resolve("keys");
        LocalKeys.ensure(keys);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir.resolve("mariadb"), CONTROL_DATABASE);
        current = db;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.close();
            } catch (Exception ignored) {
                // the process is going away anyway
            }
        }, "embedded-mariadb-stop"));
        EmbeddedCredentials.Account app = db.appAccount();
        Map<String, String> config = new HashMap<>(config(db.jdbcUrl(CONTROL_DATABASE), app.user(), app.password(), keys, true));
        // After the server is restarted (EmbeddedMariaDb), pooled connections to the dead one are dropped on borrow
        // instead of failing the next request (a ping on 127.0.0.1 per borrow).
        config.put("quarkus.datasource.jdbc.validate-on-borrow", "true");
        config.put("quarkus.datasource.tenants.jdbc.validate-on-borrow", "true");
        return config;
    }

    /**
     * Whether the embedded server this process started is running, for the app's liveness check (looked up
     * reflectively: production packages have no embedded module); null when this process started none.
     */
    public static BooleanSupplier serverAlive() {
        EmbeddedMariaDb db = current;
        return db == null ? null : db::isAlive;
    }

    /** The Quarkus configuration that points the app at a server's URL as {@code username} and at the keys in {@code keys}. */
    public static Map<String, String> config(String jdbcUrl, String username, String password, Path keys, boolean seedDemo) {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", username,
                "quarkus.datasource.password", password,
                "mp.jwt.verify.publickey.location", keys.resolve(LocalKeys.PUBLIC_KEY).toUri().toString(),
                "smallrye.jwt.sign.key.location", keys.resolve(LocalKeys.PRIVATE_KEY).toUri().toString(),
                "fpjc.personal-data.encryption-key-location", keys.resolve(LocalKeys.ID_ENCRYPTION_KEY).toUri().toString(),
                "fpjc.personal-data.hash-key-location", keys.resolve(LocalKeys.ID_HASH_KEY).toUri().toString(),
                "fpjc.demo.seed", Boolean.toString(seedDemo),
                // tests and the demo may set today's date (PUT /api/admin/clock); production never can
                "fpjc.clock.adjustable", "true");
    }
}
