package cn.fpjc.app.scale;

import cn.fpjc.embedded.EmbeddedMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A second database server for the tests of placement and moving: an embedded MariaDB started once per test JVM and kept
 * until it exits (counties placed on it must keep serving for the test classes that run later in the same application).
 * The app reaches it with its root account, read from a file as a platform admin would point to a mounted secret.
 */
final class SecondCluster {
    private static EmbeddedMariaDb server;
    private static Path credentials;

    private SecondCluster() {
    }

    static synchronized EmbeddedMariaDb server() throws Exception {
        if (server == null) {
            server = EmbeddedMariaDb.start(null, "fpjc_cluster_b", false);
            credentials = Files.createTempFile("cluster-b", ".properties");
            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(credentials, "username=" + server.rootAccount().user() + "\npassword=" + server.rootAccount().password() + "\n");
        }
        return server;
    }

    static String jdbcUrl() throws Exception {
        return "jdbc:mysql://127.0.0.1:" + server().port() + "/?useUnicode=true&characterEncoding=utf8&connectionCollation=utf8mb4_unicode_ci";
    }

    static String credentialsReference() throws Exception {
        server();
        return "file:" + credentials.toAbsolutePath();
    }

    /** Runs SQL on the second server as root, past the app: what is really stored there. */
    static List<String> column(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), server().rootAccount().user(), server().rootAccount().password());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), server().rootAccount().user(), server().rootAccount().password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
