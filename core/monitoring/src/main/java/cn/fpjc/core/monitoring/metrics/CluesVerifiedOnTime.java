package cn.fpjc.core.monitoring.metrics;

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

/**
 * 线索按期核实率: of the risk clues received in a month whose verification is due by the day or done, those verified by
 * their verification date (入户核实 within the province's days of the clue, 000 一(二)3 ①; 002 三(一)). A clue with no
 * verification date (the province set none) is not judged.
 */
@ApplicationScoped
public class CluesVerifiedOnTime implements CountyMetric {
    static final String KEY = "monitoring.clues-verified";

    @Inject
    EntityManager em;

    @Override
    public int displayOrder() {
        return 70;
    }

    @Override
    public MetricDefinition definition() {
        return new MetricDefinition(KEY, "线索按期核实率",
                "当月受理的风险线索中，核实期限已到或已核实的，在核实期限内完成入户核实的比例；期限未到且未核实的暂不计入，未设定核实期限的线索不计入。",
                MetricSql.NATIONAL, MetricKind.RATIO, "条", "按期核实的线索", "应核实的线索",
                Set.of(Dimension.TOWNSHIP, Dimension.VILLAGE, Dimension.MONTH), false, Map.of());
    }

    @Override
    public List<MetricValue> compute(MetricScope scope) {
        List<MetricValue> out = new ArrayList<>();
        for (Object[] r : MetricSql.rows(em, "SELECT village_code, DATE_FORMAT(reported_on, '%Y-%m'),"
                + " SUM(verified_on IS NOT NULL AND verified_on <= verify_due AND verified_on <= ?3), COUNT(*) FROM risk_clue"
                + " WHERE village_code LIKE ?1 AND reported_on BETWEEN ?2 AND ?3 AND verify_due IS NOT NULL"
                + " AND ((verified_on IS NOT NULL AND verified_on <= ?3) OR verify_due < ?3)"
                + " GROUP BY village_code, DATE_FORMAT(reported_on, '%Y-%m')", scope, scope.monthsFrom(), scope.asOf())) {
            out.add(MetricValue.ratio((String) r[0], (String) r[1], null, MetricSql.n(r[2]), MetricSql.n(r[3])));
        }
        return out;
    }
}
