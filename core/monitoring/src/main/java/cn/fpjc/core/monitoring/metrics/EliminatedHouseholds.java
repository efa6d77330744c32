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
import java.util.List;
import java.util.Set;

/** 风险已消除户数: monitored households whose risk the county marked eliminated on or before the day (000 一(二)4). */
@ApplicationScoped
public class EliminatedHouseholds implements CountyMetric {
    static final String KEY = "monitoring.eliminated";

    @Inject
    EntityManager em;

    @Override
    public int displayOrder() {
        return 40;
    }

    @Override
    public MetricDefinition definition() {
        return new MetricDefinition(KEY, "风险已消除户数", "截至当日经风险消除程序标注“风险已消除”的监测户数，按监测类型分列。", MetricSql.NATIONAL,
                MetricKind.COUNT, "户", "风险已消除户", null, Set.of(Dimension.TOWNSHIP, Dimension.VILLAGE, Dimension.MONITORING_TYPE), false,
                MetricDefinition.labels(MonitoringType.class, MonitoringType::label));
    }

    @Override
    public List<MetricValue> compute(MetricScope scope) {
        return MonitoredHouseholds.byType(em, scope, "c.risk_state = 'ELIMINATED' AND c.risk_state_on <= ?2");
    }
}
