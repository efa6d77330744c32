package cn.fpjc.core.monitoring.metrics;

import cn.fpjc.core.monitoring.RiskCategory;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * 风险未消除户的风险类型: households still 风险未消除 by each risk category they were identified for (a household with two
 * categories counts under both, so the categories add up to more than the households; 002 三(一) lists the 11 kinds).
 */
@ApplicationScoped
public class RiskCategories implements CountyMetric {
    static final String KEY = "monitoring.risk-categories";

    @Inject
    EntityManager em;

    @Override
    public int displayOrder() {
        return 60;
    }

    @Override
    public MetricDefinition definition() {
        return new MetricDefinition(KEY, "风险未消除户的风险（户次）",
                "截至当日“风险未消除”的监测户按识别时认定的风险类型计数；一户有多种风险的在每种风险下各计一次，各类型之和可大于户数。", MetricSql.NATIONAL,
                MetricKind.COUNT, "户次", "风险未消除户（按风险类型计户次）", null, Set.of(Dimension.TOWNSHIP, Dimension.VILLAGE, Dimension.RISK_CATEGORY),
                false, MetricDefinition.labels(RiskCategory.class, RiskCategory::label));
    }

    @Override
    public List<MetricValue> compute(MetricScope scope) {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] r : MetricSql.rows(em, "SELECT c.village_code, c.risk_categories, COUNT(*) FROM monitoring_case c WHERE "
                + MetricSql.IDENTIFICATION + " AND c.risk_state = 'UNRESOLVED' AND c.village_code LIKE ?1 AND c.approved_on <= ?2"
                + " GROUP BY c.village_code, c.risk_categories", scope, scope.asOf())) {
            for (String category : ((String) r[1]).split(",")) {
                counts.merge(r[0] + "|" + category.strip(), MetricSql.n(r[2]), Long::sum);
            }
        }
        List<MetricValue> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(MetricValue.count(k.substring(0, 12), null, k.substring(13), n)));
        return out;
    }
}
