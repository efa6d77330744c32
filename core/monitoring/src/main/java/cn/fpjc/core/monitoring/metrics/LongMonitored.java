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

/**
 * 监测超过2年风险未消除户数: households still 风险未消除 whose identification was approved more than two years before the
 * day (approved before the same date two years earlier), the cases Hunan analyses twice a year (004 三(一)).
 */
@ApplicationScoped
public class LongMonitored implements CountyMetric {
    static final String KEY = "monitoring.long-monitored";

    @Inject
    EntityManager em;

    @Override
    public int displayOrder() {
        return 50;
    }

    @Override
    public MetricDefinition definition() {
        return new MetricDefinition(KEY, "监测超2年未消除户数",
                "截至当日仍为“风险未消除”、且县级审定纳入监测已满2年（审定日早于两年前的同一日）的监测户数。",
                "湖南省农业农村厅办公室《湖南省农业农村厅（省乡村振兴局）2024年巩固拓展脱贫攻坚成果工作要点》", MetricKind.COUNT, "户",
                "监测超2年未消除户", null, Set.of(Dimension.TOWNSHIP, Dimension.VILLAGE, Dimension.MONITORING_TYPE), false,
                MetricDefinition.labels(MonitoringType.class, MonitoringType::label));
    }

    @Override
    public List<MetricValue> compute(MetricScope scope) {
        return MonitoredHouseholds.byType(em, scope, "c.risk_state = 'UNRESOLVED' AND c.approved_on < ?3", scope.asOf().minusYears(2));
    }
}
