package cn.fpjc.core.platform.metrics;

import cn.fpjc.core.platform.tenancy.TenantInfo;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the modules' {@link CountyMetric}s. The county must already be bound (a request of the county, or
 * {@link cn.fpjc.core.platform.tenancy.TenantScope} in a job); each call reads in a transaction of its own.
 */
@ApplicationScoped
public class CountyMetrics {
    @Inject
    Instance<CountyMetric> metrics;

    /** Each metric's own {@link CountyMetric#displayOrder()}, ties by key. */
    static final Comparator<CountyMetric> DISPLAY_ORDER = Comparator.comparingInt(CountyMetric::displayOrder)
            .thenComparing(m -> m.definition().key());

    /** Every metric's definition, in display order (modules contribute them; nothing here knows their names). */
    public List<MetricDefinition> definitions() {
        List<CountyMetric> all = new ArrayList<>();
        metrics.forEach(all::add);
        all.sort(DISPLAY_ORDER);
        return all.stream().map(CountyMetric::definition).toList();
    }

    public MetricDefinition definition(String key) {
        return definitions().stream().filter(d -> d.key().equals(key)).findFirst().orElse(null);
    }

    /**
     * Every metric's rows for {@code orgCode} of the bound county on {@code asOf}, in display order. County-wide metrics
     * (without villages) are computed only for the whole county.
     */
    public Map<String, MetricRows> compute(TenantInfo tenant, LocalDate asOf, String orgCode) {
        MetricScope scope = new MetricScope(tenant, asOf, orgCode);
        List<CountyMetric> all = new ArrayList<>();
        metrics.forEach(all::add);
        all.sort(DISPLAY_ORDER);
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, MetricRows> out = new LinkedHashMap<>();
            for (CountyMetric m : all) {
                MetricDefinition d = m.definition();
                if (!d.byArea() && !scope.wholeCounty()) {
                    continue;
                }
                out.put(d.key(), new MetricRows(d, List.copyOf(m.compute(scope))));
            }
            return out;
        });
    }

    /** The months of the monthly figures on {@code asOf}: January of the year before up to the as-of month. */
    public static List<String> months(LocalDate asOf) {
        List<String> out = new ArrayList<>();
        for (java.time.YearMonth m = java.time.YearMonth.of(asOf.getYear() - 1, 1); !m.isAfter(java.time.YearMonth.from(asOf)); m = m.plusMonths(1)) {
            out.add(m.toString());
        }
        return out;
    }
}
