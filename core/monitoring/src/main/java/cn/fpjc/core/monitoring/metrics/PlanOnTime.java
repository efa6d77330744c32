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
 * 帮扶计划及时率: of the monitored households whose 一户一策 fell due in a month (the case's plan date: approval or a new
 * risk mark + the province's plan days, 002 二(三)12), those whose plan was made by that date. A plan not made (or
 * waiting to be adjusted) once its date has passed counts as late; one whose date is still ahead is not judged yet.
 * The plan's day: the day it was first saved (Beijing time) when that was on or after the date its plan date counts
 * from (the approval, or the new risk mark in {@code risk_state_on}); for a plan older than that date (a new risk after
 * the plan existed) its last adjustment, once the adjustment is done. A later yearly re-adjustment moves that day too.
 */
@ApplicationScoped
public class PlanOnTime implements CountyMetric {
    static final String KEY = "monitoring.plan-on-time";

    @Inject
    EntityManager em;

    @Override
    public int displayOrder() {
        return 20;
    }

    @Override
    public MetricDefinition definition() {
        return new MetricDefinition(KEY, "帮扶计划及时率",
                "计划期限（县级审定或新增风险之日起按本省规定天数，如10天）在当月的监测户中，在期限内制定“一户一策”帮扶计划（新增风险的，在期限内完成调整）的比例；"
                        + "期限已过仍未制定或仍待调整的计为超期，期限未到且尚未制定的暂不计入。",
                MetricSql.NATIONAL, MetricKind.RATIO, "户", "按期制定计划的监测户", "计划已到期的监测户",
                Set.of(Dimension.TOWNSHIP, Dimension.VILLAGE, Dimension.MONTH), false, Map.of());
    }

    @Override
    public List<MetricValue> compute(MetricScope scope) {
        List<MetricValue> out = new ArrayList<>();
        for (Object[] r : MetricSql.rows(em, "SELECT c.village_code, DATE_FORMAT(c.plan_due, '%Y-%m'),"
                + " SUM(p.id IS NOT NULL AND NOT p.adjustment_required AND CASE"
                + "     WHEN DATE(CONVERT_TZ(p.created_at, '+00:00', '+08:00')) >= c.risk_state_on THEN DATE(CONVERT_TZ(p.created_at, '+00:00', '+08:00'))"
                + "     ELSE p.adjusted_on END <= c.plan_due),"
                + " COUNT(*) FROM monitoring_case c LEFT JOIN assistance_plan p ON p.case_id = c.id"
                + " WHERE " + MetricSql.IDENTIFICATION + " AND c.risk_state IS NOT NULL AND c.village_code LIKE ?1"
                + " AND c.plan_due BETWEEN ?2 AND ?3"
                + " AND (c.plan_due < ?3 OR (p.id IS NOT NULL AND NOT p.adjustment_required))"
                + " GROUP BY c.village_code, DATE_FORMAT(c.plan_due, '%Y-%m')", scope, scope.monthsFrom(), scope.asOf())) {
            out.add(MetricValue.ratio((String) r[0], (String) r[1], null, MetricSql.n(r[2]), MetricSql.n(r[3])));
        }
        return out;
    }
}
