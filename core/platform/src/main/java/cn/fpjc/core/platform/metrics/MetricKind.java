package cn.fpjc.core.platform.metrics;

/**
 * How a metric's numbers add up. Every figure is a sum, so a township, a county or a province is the sum of its rows and
 * never an average of averages.
 */
public enum MetricKind {
    /** A count (households, cases): the numerator only. */
    COUNT,
    /** A share in percent: Σ numerator ÷ Σ denominator × 100, to 2 decimals, half up; none when the denominator is 0. */
    RATIO,
    /** An amount in yuan: the numerator only. */
    AMOUNT
}
