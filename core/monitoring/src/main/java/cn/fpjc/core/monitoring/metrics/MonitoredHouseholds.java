package cn.fpjc.core.monitoring.metrics;

import cn.fpjc.core.monitoring.MonitoringType;
import cn.fpjc.core.platform.metrics.CountyMetric;
import cn.fpjc.core.platform.metrics.Dimension;
import cn.fpjc.core.platform.metrics.MetricDefinition;
import cn.fpjc.core.platform.metrics.MetricKind;
import cn.fpjc.core.platform.metrics.MetricScope;
import cn.fpjc.core.platform.metrics.MetricValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 监测对象户数: households identified by the county as of the day (their identification case has a risk state), by village
 * and monitoring type. {@link EliminatedHouseholds} and {@link LongMonitored} count subsets with the same query.
 */
@ApplicationScoped
public class MonitoredHouseholds implements CountyMetric {
    static final String KEY = "monitoring.monitored";

    @Inject
    EntityManager em;

    @Override
    public int displayOrder() {
        return 30;
    }

    @Override
    public MetricDefinition definition() {
        return new MetricDefinition(KEY, "监测对象户数",
                "截至当日经县级审定纳入监测的农户数（含风险未消除、风险已消除和兜底保障户），按监测类型分列。", MetricSql.NATIONAL, MetricKind.COUNT, "户",
                "监测对象户", null, Set.of(Dimension.TOWNSHIP, Dimension.VILLAGE, Dimension.MONITORING_TYPE), false,
                MetricDefinition.labels(MonitoringType.class, MonitoringType::label));
    }

    @Override
    public List<MetricValue> compute(MetricScope scope) {
        return byType(em, scope, "c.risk_state IS NOT NULL");
    }

    /** Identification cases approved by the day that match {@code which} (?2 is the day, ?3… are {@code more}), by village and type. */
    static List<MetricValue> byType(EntityManager em, MetricScope scope, String which, Object... more) {
        List<MetricValue> out = new ArrayList<>();
        for (Object[] r : MetricSql.rows(em, "SELECT c.village_code, c.monitoring_type, COUNT(*) FROM monitoring_case c WHERE "
                + MetricSql.IDENTIFICATION + " AND " + which + " AND c.village_code LIKE ?1 AND c.approved_on <= ?2"
                + " GROUP BY c.village_code, c.monitoring_type", scope, params(scope, more))) {
            out.add(MetricValue.count((String) r[0], null, (String) r[1], MetricSql.n(r[2])));
        }
        return out;
    }

    private static Object[] params(MetricScope scope, Object[] more) {
        Object[] all = new Object[more.length + 1];
        all[0] = scope.asOf();
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
    }
}
