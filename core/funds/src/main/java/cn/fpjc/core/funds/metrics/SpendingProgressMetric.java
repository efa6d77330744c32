package cn.fpjc.core.funds.metrics;

import cn.fpjc.core.funds.allocation.FundSource;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * 衔接资金支出进度 of the as-of day's fund year, as {@link cn.fpjc.core.funds.spending.ProgressService} computes it (paid
 * ÷ received up to the day; 000 衔接资金使用管理 一、4): each row is a month and source with what was paid from that year's
 * allocations in the month and what arrived in it, so the running sum to any month is the progress at its end.
 */
@ApplicationScoped
public class SpendingProgressMetric implements CountyMetric {
    static final String KEY = "funds.spending-progress";

    @Inject
    EntityManager em;

    @Override
    public int displayOrder() {
        return 200;
    }

    @Override
    public MetricDefinition definition() {
        return new MetricDefinition(KEY, "衔接资金支出进度",
                "当年资金指标文件的资金：截至当日（或月末）已支付金额（冲销已扣除）÷ 截至同日已到账的资金指标金额 × 100%，保留两位小数（四舍五入）。按资金来源分列，按月累计。",
                "中共黑龙江省委农村工作领导小组办公室《2024年度巩固拓展脱贫攻坚成果业务指南》（黑农办发〔2024〕7号）", MetricKind.RATIO, "元",
                "已支付金额", "已到账资金指标金额", Set.of(Dimension.MONTH, Dimension.FUND_SOURCE), true,
                MetricDefinition.labels(FundSource.class, FundSource::label));
    }

    @Override
    public List<MetricValue> compute(MetricScope scope) {
        int year = scope.asOf().getYear();
        Date day = Date.valueOf(scope.asOf());
        Map<String, BigDecimal[]> sums = new TreeMap<>(); // month|source -> {paid, received}
        add(sums, 0, em.createNativeQuery("SELECT DATE_FORMAT(p.paid_on, '%Y-%m'), p.source, SUM(p.amount) FROM fund_payment p"
                + " JOIN fund_allocation a ON a.id = p.allocation_id WHERE a.year = ?1 AND p.paid_on <= ?2"
                + " GROUP BY DATE_FORMAT(p.paid_on, '%Y-%m'), p.source").setParameter(1, year).setParameter(2, day).getResultList());
        add(sums, 1, em.createNativeQuery("SELECT DATE_FORMAT(received_on, '%Y-%m'), source, SUM(amount) FROM fund_allocation"
                + " WHERE year = ?1 AND received_on <= ?2 GROUP BY DATE_FORMAT(received_on, '%Y-%m'), source")
                .setParameter(1, year).setParameter(2, day).getResultList());
        List<MetricValue> out = new ArrayList<>();
        sums.forEach((k, v) -> out.add(new MetricValue(null, k.substring(0, 7), k.substring(8), v[0], v[1])));
        return out;
    }

    private static void add(Map<String, BigDecimal[]> sums, int which, List<?> rows) {
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            BigDecimal[] v = sums.computeIfAbsent(r[0] + "|" + r[1], k -> new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
            v[which] = v[which].add(((BigDecimal) r[2]).setScale(2));
        }
    }
}
