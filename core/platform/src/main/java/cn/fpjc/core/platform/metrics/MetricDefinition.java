package cn.fpjc.core.platform.metrics;

import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a metric is, as people read it and as the roll-up stores it.
 *
 * @param key          stable identifier, stored in snapshots (never rename a released one), e.g. {@code monitoring.identified-on-time}
 * @param label        short Chinese name (识别及时率)
 * @param definition   the definition in Chinese: what is counted, from which records, on which day
 * @param source       the policy the figure answers to, by official title and 文号 (what a person reads)
 * @param kind         how the numbers add up
 * @param unit         the unit of the numerator's count (户, 条, 元) for display
 * @param numeratorLabel   what the numerator counts (按期识别的案件), for the "countable" figures behind a ratio
 * @param denominatorLabel what the denominator counts (已审定的识别案件); null for counts and amounts
 * @param dimensions   what its rows can be broken down by; without TOWNSHIP/VILLAGE its rows are county-wide
 * @param running      the month rows are flows whose running sum is the figure at each month's end (支出进度); otherwise each
 *                     month stands alone (识别及时率 of the cases approved that month)
 * @param categoryLabels the Chinese names of the category codes its rows carry, in display order (empty without a category)
 */
public record MetricDefinition(String key, String label, String definition, String source, MetricKind kind, String unit,
        String numeratorLabel, String denominatorLabel, Set<Dimension> dimensions, boolean running,
        Map<String, String> categoryLabels) {

    /** The labels of an enum's constants, for {@code categoryLabels}. */
    public static <E extends Enum<E>> Map<String, String> labels(Class<E> type, java.util.function.Function<E, String> label) {
        Map<String, String> out = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) {
            out.put(e.name(), label.apply(e));
        }
        return out;
    }

    /** Rows carry a village code. */
    public boolean byArea() {
        return dimensions.contains(Dimension.VILLAGE);
    }

    public boolean byMonth() {
        return dimensions.contains(Dimension.MONTH);
    }

    /** The dimension other than area and month that {@link MetricValue#category()} holds, or null. */
    public Dimension categoryDimension() {
        for (Dimension d : dimensions) {
            if (d != Dimension.TOWNSHIP && d != Dimension.VILLAGE && d != Dimension.MONTH) {
                return d;
            }
        }
        return null;
    }
}
