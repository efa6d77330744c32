package cn.fpjc.core.platform.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One metric as a page or an export shows it: the headline figure and its breakdowns. The county's page and the
 * province's dashboard both build it from {@link MetricRows}, so the same rows always read the same.
 *
 * @param headline   the figure for the as-of day: for a metric counted by month, the months of the as-of year; otherwise all rows
 * @param areas      by the area one level down (a county's townships, a township's villages), empty where not broken down
 * @param months     by month from January of the previous year (running sums where the metric is running); empty without months
 * @param categories by the metric's category (monitoring type, risk category, fund source); empty without one
 */
public record MetricReport(String key, String label, String definition, String source, String kind, String unit, String numeratorLabel,
        String denominatorLabel, Shown headline, List<Breakdown> areas, List<Breakdown> months, List<Breakdown> categories) {

    /** A figure with the sums behind it, so a ratio's cases are countable. */
    public record Shown(BigDecimal numerator, BigDecimal denominator, BigDecimal value, String text) {
        public static Shown of(MetricDefinition d, Figure f) {
            return new Shown(counted(d, f.numerator()), counted(d, f.denominator()), f.value(), f.text(d));
        }

        /** Counts read as whole numbers (3, not 3.00, however they were stored); amounts keep their fen. */
        private static BigDecimal counted(MetricDefinition d, BigDecimal n) {
            if (n == null || "元".equals(d.unit())) {
                return n;
            }
            BigDecimal whole = n.stripTrailingZeros();
            return whole.scale() < 0 ? whole.setScale(0) : whole;
        }
    }

    public record Breakdown(String code, String label, Shown figure) {
    }

    /**
     * The rows that make the headline: the as-of year's months for a metric counted by month (not running); the latest
     * checkpoint present for a metric by checkpoint; else all.
     */
    public static MetricRows headlineRows(MetricRows rows, LocalDate asOf) {
        MetricDefinition d = rows.definition();
        if (d.categoryDimension() == Dimension.CHECKPOINT) {
            String latest = null;
            for (String code : d.categoryLabels().keySet()) {
                if (rows.rows().stream().anyMatch(v -> code.equals(v.category()))) {
                    latest = code;
                }
            }
            String chosen = latest;
            return rows.where(v -> chosen != null && chosen.equals(v.category()));
        }
        if (d.byMonth() && !d.running()) {
            String year = Integer.toString(asOf.getYear());
            return rows.where(v -> v.month() != null && v.month().startsWith(year));
        }
        return rows;
    }

    /**
     * @param areaKey   the code of a row's area one level down (null: not shown by area)
     * @param areaNames names of those codes (a code without a name is shown as the code)
     */
    public static MetricReport of(MetricRows rows, LocalDate asOf, Function<MetricValue, String> areaKey, Map<String, String> areaNames) {
        MetricDefinition d = rows.definition();
        MetricRows head = headlineRows(rows, asOf);
        List<Breakdown> areas = new ArrayList<>();
        if (d.byArea() && areaKey != null) {
            head.by(areaKey).forEach((code, f) -> areas.add(new Breakdown(code, areaNames.getOrDefault(code, code), Shown.of(d, f))));
        }
        List<Breakdown> months = new ArrayList<>();
        if (d.byMonth()) {
            rows.byMonth(CountyMetrics.months(asOf)).forEach((m, f) -> months.add(new Breakdown(m, m.substring(0, 4) + "年" + Integer.parseInt(m.substring(5))
                    + "月", Shown.of(d, f))));
        }
        List<Breakdown> categories = new ArrayList<>();
        if (d.categoryDimension() != null) {
            Map<String, Figure> by = head.byCategory();
            d.categoryLabels().forEach((code, label) -> {
                Figure f = by.get(code);
                if (f != null) {
                    categories.add(new Breakdown(code, label, Shown.of(d, f)));
                }
            });
        }
        return new MetricReport(d.key(), d.label(), d.definition(), d.source(), d.kind().name(), d.unit(), d.numeratorLabel(), d.denominatorLabel(),
                Shown.of(d, head.total()), areas, months, categories);
    }
}
