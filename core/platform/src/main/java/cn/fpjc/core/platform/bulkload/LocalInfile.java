package cn.fpjc.core.platform.bulkload;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * {@code LOAD DATA LOCAL INFILE} from a stream the app writes, and nothing else (issue 17). The security trade-off:
 * with Connector/J's {@code allowLoadLocalInfile=true} on a pool, the database server may answer any statement with a
 * request for any file the app can read (the SM4 key file among them). So no pool sets it. Every pool instead names
 * {@link #NO_FILES_PATH}, a directory that does not exist, as {@code allowLoadLocalInfileInPath}: the driver then tells
 * the server it can send local data, but refuses every file the server asks for. Only {@link #load}, on a connection
 * its caller holds, switches {@code allowLoadLocalInfile} on for its one statement, with the statement's own stream
 * set: the driver sends that stream whatever file name the server asks for, and the switch is off again afterwards.
 */
public final class LocalInfile {
    /** {@code allowLoadLocalInfileInPath} of every pool (Debian guarantees {@code /nonexistent} never exists). */
    public static final String NO_FILES_PATH = "/nonexistent/fpjc-no-local-files";

    private LocalInfile() {
    }

    /** Whether the server accepts {@code LOAD DATA LOCAL} ({@code local_infile}, ON by default in MariaDB). */
    public static boolean serverAccepts(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@local_infile")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    /**
     * Runs one {@code LOAD DATA LOCAL INFILE '…'} statement with {@code data} as the file, whatever name it gives.
     * LOCAL makes the server skip rows it cannot take and turn bad values into warnings, so any warning or a row count
     * other than {@code expectedRows} fails the load; the caller's transaction or cleanup decides what happens to the
     * rows that did arrive.
     *
     * @return the rows loaded
     */
    public static long load(Connection c, String loadSql, InputStream data, long expectedRows) throws SQLException {
        if (!loadSql.regionMatches(true, 0, "LOAD DATA LOCAL INFILE ", 0, 23)) {
            throw new IllegalArgumentException("not a LOAD DATA LOCAL INFILE statement");
        }
        java.util.Objects.requireNonNull(data, "the stream to send"); // with none, the driver would open the file the server names
        RuntimeProperty<Boolean> allow = c.unwrap(JdbcConnection.class).getPropertySet().getBooleanProperty(PropertyKey.allowLoadLocalInfile);
        try (Statement st = c.createStatement()) {
            JdbcStatement statement = st.unwrap(JdbcStatement.class);
            statement.setLocalInfileInputStream(data);
            allow.setValue(true);
            long loaded;
            try {
                loaded = st.executeLargeUpdate(loadSql);
            } finally {
                allow.setValue(false);
                statement.setLocalInfileInputStream(null); // the driver keeps it on the connection: not the rows past this load
            }
            SQLWarning warning = st.getWarnings();
            if (warning != null) {
                throw new SQLException("LOAD DATA LOCAL: the server changed or skipped values: " + warning.getMessage(), warning);
            }
            if (loaded != expectedRows) {
                throw new SQLException("LOAD DATA LOCAL: " + loaded + " rows loaded, " + expectedRows + " sent");
            }
            return loaded;
        }
    }
}
