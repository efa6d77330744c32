package cn.fpjc.app.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** Raw SQL straight to the server, bypassing the application, to check what is really stored where. */
public final class Sql {
    private Sql() {
    }

    public static String database(String county) {
        return ConfigProvider.getConfig().getOptionalValue("fpjc.tenancy.database-prefix", String.class).orElse("county_") + county;
    }

    public static List<String> column(String sql) {
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) {
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean tableExists(String database, String table) {
        return !column("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + database
                + "' AND table_name = '" + table + "'").isEmpty();
    }
}
