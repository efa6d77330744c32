package cn.fpjc.app.scale;

import static cn.fpjc.app.support.Api.as;
import static org.awaitility.Awaitility.await;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.registry.SyntheticRegistryService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Moving a county between two database servers at scale: {@code infra/bench/move.sh}, never the normal test command. At
 * each size (households; about 3.3 members each) a Jiangxi county is generated on the configured server and moved to a
 * second embedded server: total time, the read-only window (which includes the settle time, 1 s in tests), rows copied,
 * beside the raw baseline of reading every row of the same tables over JDBC on the source.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "fpjc.bench.move", matches = "\\d+(,\\d+)*")
class MoveBenchmark {
    @Inject
    SyntheticRegistryService registry;

    @Inject
    AgroalDataSource control;

    final List<String> report = new ArrayList<>();

    @Test
    void moveFigures() throws Exception {
        as("admin").body(Map.of("name", "b", "jdbcUrl", SecondCluster.jdbcUrl(), "credentials", SecondCluster.credentialsReference(),
                "capacity", 100, "poolSize", 8)).post("/api/admin/clusters").then().statusCode(201);
        for (String size : System.getProperty("fpjc.bench.move").split(",")) {
            int households = Integer.parseInt(size);
            // On the configured server by name: b, registered above and empty, would be the least loaded.
            String county = Api.freshCountyCode("36");
            as("admin").body(Map.of("code", county, "name", "基准县" + county, "province", "jiangxi", "cluster", "default"))
                    .post("/api/admin/tenants").then().statusCode(201);
            Api.addTownshipAndVillage(Api.createUser("t_bench_" + county, "county-admin", county, county), county, "101");
            registry.generate(county, households, households);
            String database = Sql.database(county);
            long members = Long.parseLong(Sql.column("SELECT COUNT(*) FROM `" + database + "`.member").get(0));
            long r0 = System.nanoTime();
            long rawRows = readEveryRow(database);
            double rawSeconds = (System.nanoTime() - r0) / 1e9;

            long t0 = System.nanoTime();
            long id = ((Number) as("admin").body(Map.of("targetCluster", "b")).post("/api/admin/tenants/" + county + "/moves")
                    .then().statusCode(202).extract().path("id")).longValue();
            String move = "/api/admin/tenants/" + county + "/moves/" + id;
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !List.of("READ_ONLY", "COPYING", "VERIFYING").contains(as("admin").get(move).then().extract().<String>path("step")));
            double total = (System.nanoTime() - t0) / 1e9;
            JsonPath done = as("admin").get(move).then().extract().jsonPath();
            if (!"SWITCHED".equals(done.getString("step"))) {
                throw new IllegalStateException("move did not switch: " + done.prettify());
            }
            line("move @%,d households: %,d members, %d tables, %,d rows copied and verified in %.1f s (%,.0f rows/s); read-only %.1f s "
                    + "(of which settle 1.0 s); raw read of the same %,d rows over JDBC %.1f s (copy = %.1f× the raw read)",
                    households, members, done.getInt("tablesTotal"), done.getLong("rowsCopied"), total, done.getLong("rowsCopied") / total,
                    done.getLong("readOnlyMillis") / 1000.0, rawRows, rawSeconds, total / rawSeconds);
        }
        Files.write(Path.of("target", "bench-move.txt"), report);
    }

    private long readEveryRow(String database) throws Exception {
        long rows = 0;
        try (Connection c = control.getConnection(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + database
                    + "' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (Statement read = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                    read.setFetchSize(Integer.MIN_VALUE);
                    try (ResultSet rs = read.executeQuery("SELECT * FROM `" + database + "`.`" + table + "`")) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                rs.getObject(i);
                            }
                            rows++;
                        }
                    }
                }
            }
        }
        return rows;
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.add(text);
    }
}
