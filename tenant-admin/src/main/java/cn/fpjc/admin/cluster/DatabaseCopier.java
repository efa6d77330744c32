package cn.fpjc.admin.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Copies one database's tables between two servers over JDBC and compares them, for {@link CountyMover}. Plain SQL both
 * ways (SHOW CREATE TABLE, streamed SELECT, multi-row INSERT, COUNT and a CRC32 sum per table), so it needs no dump tool on
 * the app's host and runs the same on MariaDB, MySQL and TiDB.
 */
final class DatabaseCopier {
    /** Rows per INSERT statement, at most; fewer for wide tables (65,535 placeholders) or large rows (bytes below). */
    static final int ROWS_PER_INSERT = 500;
    /** Flush an INSERT before its values pass this many bytes (the server's max_allowed_packet is 16 MiB or more). */
    static final long BYTES_PER_INSERT = 4L << 20;

    /** Called after every chunk of rows; may throw to stop the copy (a heartbeat that finds the move cancelled). */
    interface Progress {
        void copied(String table, long rows) throws Exception;
    }

    /** Both sides of one table: the move goes on only when every table matches. */
    record TableCheck(String table, long sourceRows, long targetRows, String sourceChecksum, String targetChecksum) {
        boolean matches() {
            return sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
        }
    }

    private record Column(String name, boolean generated) {
    }

    private DatabaseCopier() {
    }

    /** The base tables of {@code database}, by name. */
    static List<String> tables(Connection c, String database) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Objects a table copy would not carry (views, triggers, routines, events); the move refuses a database that has any. */
    static List<String> uncopiable(Connection c, String database) throws SQLException {
        List<String> out = new ArrayList<>();
        String[] queries = {
            "SELECT CONCAT('视图 ', table_name) FROM information_schema.tables WHERE table_schema = ? AND table_type <> 'BASE TABLE'",
            "SELECT CONCAT('触发器 ', trigger_name) FROM information_schema.triggers WHERE trigger_schema = ?",
            "SELECT CONCAT('存储过程 ', routine_name) FROM information_schema.routines WHERE routine_schema = ?",
            "SELECT CONCAT('事件 ', event_name) FROM information_schema.events WHERE event_schema = ?"};
        for (String sql : queries) {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, database);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    /** Creates every table on the target as the source defines it (foreign keys unchecked until all tables exist). */
    static void createTables(Connection source, Connection target, List<String> tables) throws SQLException {
        try (Statement src = source.createStatement(); Statement dst = target.createStatement()) {
            dst.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (String table : tables) {
                    String ddl;
                    try (ResultSet rs = src.executeQuery("SHOW CREATE TABLE " + quote(table))) {
                        rs.next();
                        ddl = rs.getString(2);
                    }
                    dst.execute(ddl);
                }
            } finally {
                dst.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
    }

    /** Streams the table's rows into the (empty) target table; returns the number of rows. */
    static long copyTable(Connection source, Connection target, String database, String table, Progress progress) throws Exception {
        List<Column> columns = columns(source, database, table);
        List<String> names = columns.stream().filter(c -> !c.generated()).map(Column::name).toList();
        String columnList = names.stream().map(DatabaseCopier::quote).collect(Collectors.joining(", "));
        int perRow = names.size();
        int maxRows = Math.max(1, Math.min(ROWS_PER_INSERT, 60_000 / perRow));
        String rowPlaceholders = "(" + String.join(", ", java.util.Collections.nCopies(perRow, "?")) + ")";
        long copied = 0;
        try (Statement read = source.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                Statement settings = target.createStatement()) {
            settings.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                read.setFetchSize(Integer.MIN_VALUE); // Connector/J: stream the rows instead of reading the table into memory
                try (ResultSet rs = read.executeQuery("SELECT " + columnList + " FROM " + quote(table))) {
                    List<Object[]> chunk = new ArrayList<>(maxRows);
                    long chunkBytes = 0;
                    while (rs.next()) {
                        Object[] row = new Object[perRow];
                        for (int i = 0; i < perRow; i++) {
                            row[i] = rs.getObject(i + 1);
                            chunkBytes += approximateBytes(row[i]);
                        }
                        chunk.add(row);
                        if (chunk.size() >= maxRows || chunkBytes >= BYTES_PER_INSERT) {
                            copied += insert(target, table, columnList, rowPlaceholders, chunk);
                            progress.copied(table, copied);
                            chunk.clear();
                            chunkBytes = 0;
                        }
                    }
                    if (!chunk.isEmpty()) {
                        copied += insert(target, table, columnList, rowPlaceholders, chunk);
                        progress.copied(table, copied);
                    }
                }
            } finally {
                settings.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
        return copied;
    }

    private static int insert(Connection target, String table, String columnList, String rowPlaceholders, List<Object[]> rows)
            throws SQLException {
        String sql = "INSERT INTO " + quote(table) + " (" + columnList + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows.size(), rowPlaceholders));
        try (PreparedStatement st = target.prepareStatement(sql)) {
            int index = 1;
            for (Object[] row : rows) {
                for (Object value : row) {
                    st.setObject(index++, value);
                }
            }
            return st.executeUpdate();
        }
    }

    private static long approximateBytes(Object value) {
        if (value == null) {
            return 1;
        }
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        if (value instanceof String s) {
            return 3L * s.length();
        }
        return 16;
    }

    /** Row count and order-independent checksum of one table, over every column (NULL told apart from any value). */
    static String[] checksum(Connection c, String database, String table) throws SQLException {
        String row = columns(c, database, table).stream()
                .map(col -> "IFNULL(HEX(" + quote(col.name()) + "), '-')")
                .collect(Collectors.joining(", "));
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', " + row + "))), 0) FROM " + quote(table))) {
            rs.next();
            return new String[] {Long.toString(rs.getLong(1)), rs.getBigDecimal(2).toPlainString()};
        }
    }

    static TableCheck compare(Connection source, Connection target, String database, String table) throws SQLException {
        String[] s = checksum(source, database, table);
        String[] t = checksum(target, database, table);
        return new TableCheck(table, Long.parseLong(s[0]), Long.parseLong(t[0]), s[1], t[1]);
    }

    private static List<Column> columns(Connection c, String database, String table) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT column_name, extra FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            st.setString(1, database);
            st.setString(2, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String extra = rs.getString(2);
                    out.add(new Column(rs.getString(1), extra != null && extra.toUpperCase(java.util.Locale.ROOT).contains("GENERATED")));
                }
            }
        }
        if (out.isEmpty()) {
            throw new SQLException("table " + database + "." + table + " has no columns visible");
        }
        return out;
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
