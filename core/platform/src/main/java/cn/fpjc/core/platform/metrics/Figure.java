package cn.fpjc.core.platform.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A metric's figure for one group of rows (an area, a month, a category or all of them): the sums behind it and the
 * value people read. For a ratio the value is Σ numerator ÷ Σ denominator in percent, 2 decimals, half up; null when
 * nothing is in the denominator. For counts and amounts the value is the numerator.
 */
public record Figure(BigDecimal numerator, BigDecimal denominator, BigDecimal value) {
    public static Figure of(MetricKind kind, BigDecimal numerator, BigDecimal denominator) {
        BigDecimal n = numerator == null ? BigDecimal.ZERO : numerator;
        if (kind != MetricKind.RATIO) {
            return new Figure(n, null, n);
        }
        BigDecimal d = denominator == null ? BigDecimal.ZERO : denominator;
        BigDecimal v = d.signum() == 0 ? null : n.multiply(BigDecimal.valueOf(100)).divide(d, 2, RoundingMode.HALF_UP);
        return new Figure(n, d, v);
    }

    public Figure plus(MetricKind kind, BigDecimal n, BigDecimal d) {
        return of(kind, numerator.add(n == null ? BigDecimal.ZERO : n),
                denominator == null && d == null ? null : (denominator == null ? BigDecimal.ZERO : denominator).add(d == null ? BigDecimal.ZERO : d));
    }

    /** As people read it: 12 户, 93.33%, 1,234,567.00 元; "—" for a ratio with nothing to divide by. */
    public String text(MetricDefinition def) {
        return switch (def.kind()) {
            case RATIO -> value == null ? "—" : value.toPlainString() + "%";
            case COUNT -> numerator.stripTrailingZeros().toPlainString() + " " + def.unit();
            case AMOUNT -> String.format("%,.2f", numerator) + " " + def.unit();
        };
    }
}
