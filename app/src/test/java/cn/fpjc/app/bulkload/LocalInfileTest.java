package cn.fpjc.app.bulkload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.bulkload.LocalInfile;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pools let the server have the app's own LOAD stream and no file: the import's bulk load works, a LOAD naming a
 * real file is refused on the same pooled connection before and after, and bad rows fail the load instead of being
 * skipped or changed.
 */
@QuarkusTest
class LocalInfileTest {
    /** A scratch database the app's account may write (it has the tenant databases' prefix); dropped after each test. */
    static final String DATABASE_SUFFIX = "local_infile_test";
    static String TABLE;

    @Inject
    @DataSource("tenants")
    AgroalDataSource tenants;

    @BeforeEach
    void table() {
        TABLE = Sql.database(DATABASE_SUFFIX) + ".t";
        Sql.execute("CREATE DATABASE IF NOT EXISTS " + Sql.database(DATABASE_SUFFIX));
        Sql.execute("CREATE OR REPLACE TABLE " + TABLE + " (id INT PRIMARY KEY, label VARCHAR(8))");
    }

    @AfterEach
    void drop() {
        Sql.execute("DROP DATABASE IF EXISTS " + Sql.database(DATABASE_SUFFIX));
    }

    static ByteArrayInputStream rows(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> stored() {
        return Sql.column("SELECT CONCAT(id, '=', label) FROM " + TABLE + " ORDER BY id");
    }

    @Test
    void theAppsOwnStreamLoadsAndNoFileEverLeaves() throws Exception {
        Path secret = Files.writeString(Files.createTempFile("fpjc-secret", ".txt"), "9\tsecret\n");
        try (Connection c = tenants.getConnection(); Statement st = c.createStatement()) {
            String asksForTheFile = "LOAD DATA LOCAL INFILE '" + secret + "' INTO TABLE " + TABLE + " (id, label)";
            SQLException before = assertThrows(SQLException.class, () -> st.executeUpdate(asksForTheFile));
            assertTrue(before.getMessage().contains(LocalInfile.NO_FILES_PATH), before.getMessage());

            // Whatever file name the statement gives, the driver sends the stream it was handed.
            String load = "LOAD DATA LOCAL INFILE '" + secret + "' INTO TABLE " + TABLE + " (id, label)";
            assertEquals(2, LocalInfile.load(c, load, rows("1\t一\n2\t二\n"), 2));
            assertEquals(List.of("1=一", "2=二"), stored());

            assertFalse(c.unwrap(JdbcConnection.class).getPropertySet().getBooleanProperty(PropertyKey.allowLoadLocalInfile).getValue());
            SQLException after = assertThrows(SQLException.class, () -> st.executeUpdate(asksForTheFile));
            assertTrue(after.getMessage().contains(LocalInfile.NO_FILES_PATH), after.getMessage());
            assertEquals(List.of("1=一", "2=二"), stored(), "the secret file's row never arrived");
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void aRowTheServerWouldSkipOrChangeFailsTheLoad() throws Exception {
        try (Connection c = tenants.getConnection()) {
            String load = "LOAD DATA LOCAL INFILE 'rows' INTO TABLE " + TABLE + " (id, label)";
            SQLException duplicate = assertThrows(SQLException.class, () -> LocalInfile.load(c, load, rows("1\ta\n1\tb\n"), 2));
            assertTrue(duplicate.getMessage().contains("1 rows loaded, 2 sent") || duplicate.getMessage().contains("changed or skipped"),
                    duplicate.getMessage());
            Sql.execute("DELETE FROM " + TABLE);
            SQLException tooLong = assertThrows(SQLException.class, () -> LocalInfile.load(c, load, rows("3\t九个字符确实太长了吗\n"), 1));
            assertTrue(tooLong.getMessage().contains("LOAD DATA LOCAL") || tooLong.getMessage().contains("too long"), tooLong.getMessage());
            assertThrows(IllegalArgumentException.class, () -> LocalInfile.load(c, "DELETE FROM " + TABLE, rows(""), 0));
        }
    }
}
