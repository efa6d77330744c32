package cn.fpjc.core.funds.metrics;

import cn.fpjc.core.funds.spending.ProgressRules;
import cn.fpjc.core.platform.metrics.CountyMetric;
import cn.fpjc.core.platform.metrics.Dimension;
import cn.fpjc.core.platform.metrics.MetricDefinition;
import cn.fpjc.core.platform.metrics.MetricKind;
import cn.fpjc.core.platform.metrics.MetricScope;
import cn.fpjc.core.platform.metrics.MetricValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 支出进度 on each checkpoint day of the fund year already passed (4月末 … 12月底, {@link ProgressRules#POINTS}), the figure
 * the spending page judges each checkpoint by: paid up to that day ÷ received up to that day. One row per passed
 * checkpoint (category = its parameter key), so the province can judge a county at 7月中旬 from month-end rows it could
 * not otherwise split.
 */
@ApplicationScoped
public class CheckpointProgressMetric implements CountyMetric {
    public static final String KEY = "funds.checkpoint-progress";

    @Inject
    EntityManager em;

    @Override
    public int displayOrder() {
        return 210;
    }

    @Override
    public MetricDefinition definition() {
        Map<String, String> labels = new LinkedHashMap<>();
        ProgressRules.POINTS.forEach(p -> labels.put(p.key(), p.label()));
        return new MetricDefinition(KEY, "检查点支出进度",
                "当年资金指标文件的资金，在本年度已到的每个检查点（4月末、6月末、7月中旬、9月末、10月中旬、12月底）当日：截至该日已支付金额 ÷ 截至该日已到账的资金指标金额 × 100%，"
                        + "保留两位小数（四舍五入）。标题数字为最近一个已到检查点的进度。",
                "中共黑龙江省委农村工作领导小组办公室《2024年度巩固拓展脱贫攻坚成果业务指南》（黑农办发〔2024〕7号）", MetricKind.RATIO, "元",
                "检查点当日已支付金额", "检查点当日已到账资金指标金额", Set.of(Dimension.CHECKPOINT), false, labels);
    }

    @Override
    public List<MetricValue> compute(MetricScope scope) {
        int year = scope.asOf().getYear();
        List<MetricValue> out = new ArrayList<>();
        for (ProgressRules.Point p : ProgressRules.POINTS) {
            LocalDate due = p.dueIn(year);
            if (due.isAfter(scope.asOf())) {
                break;
            }
            BigDecimal paid = sum("SELECT COALESCE(SUM(p.amount), 0) FROM fund_payment p JOIN fund_allocation a ON a.id = p.allocation_id"
                    + " WHERE a.year = ?1 AND p.paid_on <= ?2", year, due);
            BigDecimal received = sum("SELECT COALESCE(SUM(amount), 0) FROM fund_allocation WHERE year = ?1 AND received_on <= ?2", year, due);
            out.add(new MetricValue(null, null, p.key(), paid, received));
        }
        return out;
    }

    private BigDecimal sum(String sql, int year, LocalDate day) {
        return ((BigDecimal) em.createNativeQuery(sql).setParameter(1, year).setParameter(2, Date.valueOf(day)).getSingleResult()).setScale(2);
    }
}
