package cn.fpjc.core.platform.metrics;

import java.math.BigDecimal;

/**
 * One row of a metric: numbers only, never a name or an ID number.
 *
 * @param village     the 12-digit village code, or null for a county-wide row (a metric without the VILLAGE dimension)
 * @param month       {@code yyyy-MM}, or null for a metric without the MONTH dimension
 * @param category    the code of the metric's third dimension (a monitoring type, risk category, fund source), or null
 * @param numerator   the count or amount
 * @param denominator the base of a ratio; null for counts and amounts
 */
public record MetricValue(String village, String month, String category, BigDecimal numerator, BigDecimal denominator) {
    public static MetricValue count(String village, String month, String category, long n) {
        return new MetricValue(village, month, category, BigDecimal.valueOf(n), null);
    }

    public static MetricValue ratio(String village, String month, String category, long part, long whole) {
        return new MetricValue(village, month, category, BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }
}
