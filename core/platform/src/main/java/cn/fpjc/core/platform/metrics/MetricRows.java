package cn.fpjc.core.platform.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One metric's rows and the sums people ask of them: the total, by township, by village, by month (running where the
 * metric says so) and by category. The county's page and the province's dashboard both read figures through here, so
 * a figure is summed the same way wherever it is shown.
 */
public record MetricRows(MetricDefinition definition, List<MetricValue> rows) {

    /** The township code (12 digits) of a village code: its first 9 digits and "000"; null for a county-wide row. */
    public static String township(String village) {
        return village == null ? null : cn.fpjc.core.platform.security.OrgScope.townshipOf(village);
    }

    public Figure total() {
        return sum(rows);
    }

    public Figure sum(Collection<MetricValue> some) {
        Figure f = Figure.of(definition.kind(), BigDecimal.ZERO, definition.kind() == MetricKind.RATIO ? BigDecimal.ZERO : null);
        for (MetricValue v : some) {
            f = f.plus(definition.kind(), v.numerator(), v.denominator());
        }
        return f;
    }

    /** Rows that satisfy {@code keep}, as a metric of their own (a township's rows, one category's rows). */
    public MetricRows where(Predicate<MetricValue> keep) {
        return new MetricRows(definition, rows.stream().filter(keep).toList());
    }

    /** Figures grouped by a key (null keys left out), in key order. */
    public Map<String, Figure> by(Function<MetricValue, String> key) {
        Map<String, List<MetricValue>> groups = new TreeMap<>();
        for (MetricValue v : rows) {
            String k = key.apply(v);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        Map<String, Figure> out = new TreeMap<>();
        groups.forEach((k, vs) -> out.put(k, sum(vs)));
        return out;
    }

    public Map<String, Figure> byTownship() {
        return by(v -> township(v.village()));
    }

    public Map<String, Figure> byVillage() {
        return by(MetricValue::village);
    }

    public Map<String, Figure> byCategory() {
        return by(MetricValue::category);
    }

    /**
     * Figures by month for {@code months} (yyyy-MM, ascending): each month's own rows, or for a running metric the sum of
     * every month up to and including it.
     */
    public Map<String, Figure> byMonth(List<String> months) {
        Map<String, Figure> own = by(MetricValue::month);
        Map<String, Figure> out = new TreeMap<>();
        if (!definition.running()) {
            for (String m : months) {
                out.put(m, own.getOrDefault(m, Figure.of(definition.kind(), BigDecimal.ZERO, BigDecimal.ZERO)));
            }
            return out;
        }
        for (String m : months) {
            out.put(m, sum(rows.stream().filter(v -> v.month() != null && v.month().compareTo(m) <= 0).toList()));
        }
        return out;
    }
}
