package cn.fpjc.core.platform.metrics;

import java.util.List;

/**
 * A module's contribution to the figures counties are judged by (README "Roll-ups"). Declare it as a bean in the module
 * that owns the tables it reads; {@link CountyMetrics} runs it for a county's page and for the province's nightly
 * snapshot alike. Its query reads only its own county's database, never another's, and returns numbers only.
 */
public interface CountyMetric {
    MetricDefinition definition();

    /** Where pages list it (smaller first; ties by key): a module takes its own range (monitoring 1–99, assistance 100s, funds 200s). */
    default int displayOrder() {
        return 1000;
    }

    /**
     * The metric's rows in {@code scope}, called inside a read transaction with the county bound. Rows with a village
     * must lie in {@link MetricScope#villagePattern()}; month rows from {@link MetricScope#monthsFrom()} to the as-of day.
     */
    List<MetricValue> compute(MetricScope scope);
}
