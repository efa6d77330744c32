package cn.fpjc.core.platform.ops;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus series of a connection pool that the code builds itself, such as one pool per database cluster, tagged
 * {@code cluster} (infra/k8s/README.md, "Metrics"). Quarkus publishes the configured datasources on its own
 * ({@code agroal_*{datasource=...}}); a pool made at run time is invisible to it. The pool must be built with metrics
 * enabled ({@code metricsEnabled(true)}), otherwise Agroal counts nothing and every series reads zero.
 */
@ApplicationScoped
public class PoolMeters {
    public static final String ACTIVE = "fpjc.db.pool.active";
    public static final String IDLE = "fpjc.db.pool.idle";
    public static final String AWAITING = "fpjc.db.pool.awaiting";
    public static final String MAX = "fpjc.db.pool.max";
    public static final String ACQUIRED = "fpjc.db.pool.acquired";
    public static final String BLOCKED = "fpjc.db.pool.blocked.seconds";

    @Inject
    MeterRegistry registry;

    /** Publishes the pool's use under {@code cluster}; close the result when the pool is closed (a cluster removed). */
    public AutoCloseable bind(String cluster, AgroalDataSource pool) {
        Tags tags = Tags.of("cluster", cluster);
        List<Meter> meters = new ArrayList<>();
        meters.add(gauge(ACTIVE, "Connections in use", tags, pool, m -> m.activeCount()));
        meters.add(gauge(IDLE, "Connections open and free", tags, pool, m -> m.availableCount()));
        meters.add(gauge(AWAITING, "Threads waiting for a connection", tags, pool, m -> m.awaitingCount()));
        meters.add(Gauge.builder(MAX, pool, p -> p.getConfiguration().connectionPoolConfiguration().maxSize())
                .description("Configured maximum of connections").tags(tags).register(registry));
        meters.add(FunctionCounter.builder(ACQUIRED, pool, p -> p.getMetrics().acquireCount())
                .description("Connections handed out").tags(tags).register(registry));
        meters.add(FunctionCounter.builder(BLOCKED, pool, p -> p.getMetrics().blockingTimeTotal().toNanos() / 1e9)
                .description("Time callers spent waiting for a connection").tags(tags).register(registry));
        return () -> meters.forEach(registry::remove);
    }

    private Gauge gauge(String name, String description, Tags tags, AgroalDataSource pool, ToDoubleFunction<AgroalDataSourceMetrics> value) {
        return Gauge.builder(name, pool, p -> value.applyAsDouble(p.getMetrics())).description(description).tags(tags).register(registry);
    }
}
