package cn.fpjc.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The embedded server's accounts: root (all privileges, TCP from 127.0.0.1 only) and the app user, which may use the
 * control database and the tenant databases only — the grants README "Production" asks of a real server. Generated
 * at the first start of a data directory into {@value #FILE} (mode 600); a throw-away server keeps them in memory.
 */
public final class EmbeddedCredentials {
    public static final String FILE = "fpjc-credentials.properties";
    public static final String APP_USER = "fpjc";
    static final String HOST = "127.0.0.1";
    private static final String APP_GRANTS = "SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES";
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]+");

    public record Account(String user, String password) {
    }

    private final Account root;
    private final Account app;

    private EmbeddedCredentials(Account root, Account app) {
        this.root = root;
        this.app = app;
    }

    public Account root() {
        return root;
    }

    public Account app() {
        return app;
    }

    static EmbeddedCredentials generate() {
        return new EmbeddedCredentials(new Account("root", secret()), new Account(APP_USER, secret()));
    }

    /** Reads the data directory's credentials, creating them (mode 600) on its first start. */
    static EmbeddedCredentials loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            return new EmbeddedCredentials(new Account("root", required(p, "root.password", file)),
                    new Account(required(p, "app.user", file), required(p, "app.password", file)));
        }
        EmbeddedCredentials created = generate();
        Properties p = new Properties();
        p.setProperty("root.password", created.root.password());
        p.setProperty("app.user", created.app.user());
        p.setProperty("app.password", created.app.password());
        StringWriter text = new StringWriter();
        p.store(text, "Embedded MariaDB accounts (root over TCP from 127.0.0.1; the app user has the least-privilege grants)");
        writeOwnerOnly(file, text.toString());
        return created;
    }

    /**
     * What the server runs at every start (--init-file, one statement per line): no anonymous accounts, root with
     * its password, the app user with its password and only its grants. Idempotent, so passwords follow the file.
     */
    String initSql(String controlDatabase, String tenantDatabases) {
        if (!DATABASE_NAME.matcher(controlDatabase).matches()) {
            throw new IllegalArgumentException("unexpected control database name: " + controlDatabase);
        }
        String rootAt = "'root'@'" + HOST + "'";
        String appAt = "'" + app.user() + "'@'" + HOST + "'";
        return String.join("\n", List.of(
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "DELETE FROM mysql.db WHERE User = '';",
                "FLUSH PRIVILEGES;",
                "CREATE USER IF NOT EXISTS " + rootAt + " IDENTIFIED BY '" + root.password() + "';",
                "ALTER USER " + rootAt + " IDENTIFIED BY '" + root.password() + "';",
                "GRANT ALL PRIVILEGES ON *.* TO " + rootAt + " WITH GRANT OPTION;",
                "CREATE USER IF NOT EXISTS " + appAt + " IDENTIFIED BY '" + app.password() + "';",
                "ALTER USER " + appAt + " IDENTIFIED BY '" + app.password() + "';",
                "GRANT " + APP_GRANTS + " ON `" + controlDatabase + "`.* TO " + appAt + ";",
                "GRANT " + APP_GRANTS + " ON `" + tenantDatabases + "`.* TO " + appAt + ";")) + "\n";
    }

    /** Creates or replaces {@code file}, readable by its owner only from the moment it exists. */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** 24 random bytes, URL-safe base64: nothing in it needs quoting in SQL or in a properties file. */
    private static String secret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + " has no " + key + ": restore it or delete the data directory to start over");
        }
        return value;
    }
}
