package cn.fpjc.core.assistance.metrics;

import cn.fpjc.core.assistance.loan.LoanProducts;
import cn.fpjc.core.assistance.loan.LoanStatus;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 脱贫人口小额信贷逾期率 as the nightly loan scan left it (逾期率 = 逾期贷款余额 ÷ 贷款余额,
 * {@link cn.fpjc.core.assistance.loan.Delinquency}; 000 小额信贷): the outstanding principal of running loans that the
 * latest scan found overdue, over that of all running loans, by village.
 */
@ApplicationScoped
public class LoanOverdueRateMetric implements CountyMetric {
    static final String KEY = "assistance.loan-overdue-rate";

    @Inject
    EntityManager em;

    @Override
    public int displayOrder() {
        return 100;
    }

    @Override
    public MetricDefinition definition() {
        return new MetricDefinition(KEY, "小额信贷逾期率",
                "在贷的脱贫人口小额信贷中，最近一次逾期扫描（每晚）认定逾期的贷款余额 ÷ 全部在贷贷款余额 × 100%，保留两位小数（四舍五入）。",
                "中共黑龙江省委农村工作领导小组办公室《2024年度巩固拓展脱贫攻坚成果业务指南》（黑农办发〔2024〕7号）", MetricKind.RATIO, "元",
                "逾期贷款余额", "贷款余额", Set.of(Dimension.TOWNSHIP, Dimension.VILLAGE), false, Map.of());
    }

    @Override
    public List<MetricValue> compute(MetricScope scope) {
        List<MetricValue> out = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT village_code, SUM(CASE WHEN overdue_days > 0 THEN amount - principal_repaid ELSE 0 END),"
                + " SUM(amount - principal_repaid) FROM loan WHERE status = ?1 AND product_code = ?2 AND village_code LIKE ?3"
                + " GROUP BY village_code").setParameter(1, LoanStatus.DISBURSED.name()).setParameter(2, LoanProducts.MICRO)
                .setParameter(3, scope.villagePattern()).getResultList()) {
            Object[] r = (Object[]) o;
            out.add(new MetricValue((String) r[0], null, null, ((BigDecimal) r[1]).setScale(2), ((BigDecimal) r[2]).setScale(2)));
        }
        return out;
    }
}
