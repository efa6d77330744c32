package cn.fpjc.app.ops;

import static cn.fpjc.app.support.Api.anonymous;
import static cn.fpjc.app.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Sql;
import cn.fpjc.core.monitoring.DeadlineScanJob;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import cn.fpjc.core.platform.jobs.JobFailedException;
import cn.fpjc.core.platform.ops.PoolMeters;
import cn.fpjc.core.platform.tenancy.ClusterConnection;
import cn.fpjc.core.platform.tenancy.DatabaseClusters;
import cn.fpjc.core.platform.tenancy.TenantDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Operations (infra/k8s/README.md): Prometheus series on the management port by route template and job, never by county;
 * pools per cluster; JSON log lines that carry no ID number.
 */
@QuarkusTest
class OperationsTest {
    static final String LANKAO = "410225";
    static final String ID_NUMBER = "410225199001011234";
    /** The same with a wrong check digit: the API refuses it (and must not log it while refusing). */
    static final String BAD_ID_NUMBER = "410225199001011235";

    // The management root (/q) is prepended: this is /q/metrics on the management port.
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    BackgroundJobs jobs;

    @Inject
    DeadlineScanJob deadlineScan;

    @Inject
    TenantDirectory tenants;

    @Inject
    PoolMeters poolMeters;

    @Inject
    DatabaseClusters clusters;

    @Inject
    @DataSource("tenants")
    AgroalDataSource tenantPool;

    @ConfigProperty(name = "quarkus.datasource.tenants.jdbc.max-size")
    int tenantPoolMax;

    /** One exposed sample: metric name, its labels, its value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    List<Sample> scrape() {
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), "not a Prometheus sample line: " + line);
            Map<String, String> labels = new java.util.TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            out.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return out;
    }

    static Optional<Sample> find(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet())).findFirst();
    }

    static double value(List<Sample> samples, String name, Map<String, String> labels) {
        return find(samples, name, labels).map(Sample::value).orElse(-1.0);
    }

    @Test
    void requestsPoolsAndJobsAreCountedOnTheManagementPortWithoutACountyLabel() {
        // Requests: a list, a missing record, another county's admin refused, nobody logged in, a page that does not exist.
        as("lankao.admin").get("/api/counties/" + LANKAO + "/households").then().statusCode(200);
        as("lankao.admin").get("/api/counties/" + LANKAO + "/households/987654321").then().statusCode(404);
        as("minqin.admin").get("/api/counties/" + LANKAO + "/households").then().statusCode(403);
        anonymous().get("/api/counties/" + LANKAO + "/households").then().statusCode(401);
        anonymous().get("/no-such-page/" + LANKAO).then().statusCode(404);
        // Jobs: one nightly slot for every county, one on-demand run that fails.
        jobs.runSlot(deadlineScan, Instant.parse("2032-01-01T17:30:00Z").plusSeconds(System.nanoTime() % 100_000));
        jobs.submit("ops-test-failure", "测试失败", tenants.find(LANKAO).orElseThrow(), "tester", null, 1, () -> {
            throw new JobFailedException("测试：任务失败");
        });

        String households = "/api/counties/{county}/households";
        List<Sample> samples = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(this::scrape,
                s -> value(s, "fpjc_background_job_failures_total", Map.of("job", "ops-test-failure")) >= 1
                        && value(s, "http_server_requests_seconds_count", Map.of("uri", households, "status", "401")) >= 1);

        assertTrue(value(samples, "http_server_requests_seconds_count", Map.of("method", "GET", "uri", households, "status", "200", "outcome", "SUCCESS")) >= 1);
        assertTrue(value(samples, "http_server_requests_seconds_count", Map.of("uri", households + "/{id}", "status", "404")) >= 1);
        assertTrue(value(samples, "http_server_requests_seconds_count", Map.of("uri", households, "status", "403")) >= 1);
        assertTrue(value(samples, "http_server_requests_seconds_count", Map.of("uri", "NOT_FOUND", "status", "404")) >= 1);
        for (String datasource : List.of("default", "tenants")) {
            assertTrue(find(samples, "agroal_active_count", Map.of("datasource", datasource)).isPresent(), datasource);
            assertTrue(value(samples, "agroal_acquire_count_total", Map.of("datasource", datasource)) >= 1, datasource);
        }
        long counties = tenants.active().size();
        assertTrue(value(samples, "fpjc_background_job_duration_seconds_count", Map.of("job", "deadline-scan", "trigger", "scheduled",
                "outcome", "done")) >= counties, "one timed run per active county");
        assertTrue(find(samples, "fpjc_background_job_duration_seconds_bucket", Map.of("job", "deadline-scan", "le", "1.0")).isPresent());
        assertTrue(value(samples, "fpjc_background_job_duration_seconds_count", Map.of("job", "ops-test-failure", "trigger", "on_demand",
                "outcome", "failed")) >= 1);
        // Declared at startup for every nightly job, before any failure.
        assertTrue(find(samples, "fpjc_background_job_failures_total", Map.of("job", "loan-delinquency", "trigger", "scheduled")).isPresent());

        // No series names a county: no label value holds a county code (nor any code or ID: no run of six digits).
        List<String> codes = Sql.column("SELECT code FROM tenant");
        assertTrue(codes.contains(LANKAO), codes.toString());
        Pattern sixDigits = Pattern.compile("\\d{6}");
        for (Sample s : samples) {
            for (Map.Entry<String, String> label : s.labels().entrySet()) {
                assertFalse(label.getKey().contains("county") || label.getKey().contains("tenant"), "a county label: " + s);
                assertFalse(sixDigits.matcher(label.getValue()).find(), "a code in a label: " + s);
                assertFalse(codes.contains(label.getValue()), "a county code in a label: " + s);
            }
        }
        // The app's own port does not serve the metrics: only the management port (reached inside the cluster) does.
        anonymous().get("/q/metrics").then().statusCode(404);
        anonymous().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aPoolBuiltAtRunTimeIsPublishedUnderItsClusterUntilClosed() throws Exception {
        Map<String, String> cluster = Map.of("cluster", "ops-test");
        try (AutoCloseable bound = poolMeters.bind("ops-test", tenantPool)) {
            try (Connection c = tenantPool.getConnection()) {
                List<Sample> during = scrape();
                assertTrue(value(during, "fpjc_db_pool_active", cluster) >= 1, "the connection held here is counted");
                assertEquals(tenantPoolMax, value(during, "fpjc_db_pool_max", cluster));
            }
            List<Sample> after = scrape();
            assertTrue(value(after, "fpjc_db_pool_acquired_total", cluster) >= 1);
            assertTrue(find(after, "fpjc_db_pool_idle", cluster).isPresent());
            assertTrue(find(after, "fpjc_db_pool_awaiting", cluster).isPresent());
            assertTrue(find(after, "fpjc_db_pool_blocked_seconds_total", cluster).isPresent());
        }
        assertTrue(find(scrape(), "fpjc_db_pool_active", cluster).isEmpty(), "a closed pool's series are removed");
    }

    @Test
    void everyDatabaseClustersPoolIsPublishedUnderItsName() throws Exception {
        // The configured pool is the default cluster's, published from the start.
        assertTrue(find(scrape(), "fpjc_db_pool_max", Map.of("cluster", DatabaseClusters.DEFAULT)).isPresent());
        // A cluster's pool built at run time (here: a second pool to the same server) is published under its name.
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.tenants.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.tenants.username", String.class).orElse("root");
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.tenants.password", String.class).orElse("");
        AgroalDataSource pool = clusters.connect(new ClusterConnection("ops-metrics", url, user, password, 3));
        try (Connection c = pool.getConnection()) {
            List<Sample> samples = scrape();
            assertEquals(3.0, value(samples, "fpjc_db_pool_max", Map.of("cluster", "ops-metrics")));
            assertEquals(1.0, value(samples, "fpjc_db_pool_active", Map.of("cluster", "ops-metrics")), "Agroal counts (metrics enabled)");
        }
    }

    @Test
    void jsonLogLinesCarryNoIdNumber() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            // An ID number in a query string, in a path, and in a body the API refuses.
            as("lankao.admin").queryParam("idNumber", ID_NUMBER).get("/api/counties/" + LANKAO + "/households").then().statusCode(200);
            as("lankao.admin").get("/api/counties/" + LANKAO + "/households/" + ID_NUMBER).then().statusCode(404);
            as("lankao.admin").body(Map.of("idNumber", BAD_ID_NUMBER, "name", "测试")).post("/api/counties/" + LANKAO + "/households/1/members")
                    .then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> records.stream()
                    .anyMatch(r -> "cn.fpjc.request".equals(r.getLoggerName()) && String.valueOf(r.getParameters() == null ? r.getMessage()
                            : java.util.Arrays.toString(r.getParameters())).contains("***")));
        } finally {
            root.removeHandler(capture);
        }
        JsonFormatter json = new JsonFormatter();
        ObjectMapper mapper = new ObjectMapper();
        int requestLines = 0;
        for (LogRecord record : records) {
            String line = json.format(org.jboss.logmanager.ExtLogRecord.wrap(record));
            JsonNode node = mapper.readTree(line);
            assertTrue(node.has("message") && node.has("level") && node.has("loggerName"), line);
            assertFalse(line.contains(ID_NUMBER) || line.contains(BAD_ID_NUMBER), "an ID number reached the log: " + line);
            if ("cn.fpjc.request".equals(node.get("loggerName").asText())) {
                requestLines++;
            }
        }
        assertTrue(requestLines >= 3, "the request lines were captured: " + requestLines);
    }
}
