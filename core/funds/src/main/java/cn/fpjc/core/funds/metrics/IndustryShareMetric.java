package cn.fpjc.core.funds.metrics;

import cn.fpjc.core.funds.project.FundCaps;
import cn.fpjc.core.platform.metrics.CountyMetric;
import cn.fpjc.core.platform.metrics.Dimension;
import cn.fpjc.core.platform.metrics.MetricDefinition;
import cn.fpjc.core.platform.metrics.MetricKind;
import cn.fpjc.core.platform.metrics.MetricScope;
import cn.fpjc.core.platform.metrics.MetricValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 中央衔接资金用于产业发展的比例 of the as-of day's fund year, the figure {@link FundCaps#shares} judges against the
 * province's minimum (信丰 ≥65 %, 003 三; 河南 ≥60 %): approved industry projects' central funds ÷ central allocations.
 */
@ApplicationScoped
public class IndustryShareMetric implements CountyMetric {
    static final String KEY = "funds.industry-share";

    @Inject
    FundCaps caps;

    @Override
    public int displayOrder() {
        return 220;
    }

    @Override
    public MetricDefinition definition() {
        return new MetricDefinition(KEY, "产业发展资金占比",
                "当年中央衔接资金中，已批复立项（含竣工、决算）的产业发展类项目安排的金额 ÷ 当年中央衔接资金指标金额 × 100%，保留两位小数（四舍五入）。",
                "信丰县巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作领导小组《信丰县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》（信巩字〔2024〕1号）",
                MetricKind.RATIO, "元", "产业发展类项目安排的中央衔接资金", "中央衔接资金指标金额", Set.of(), false, Map.of());
    }

    @Override
    public List<MetricValue> compute(MetricScope scope) {
        FundCaps.Sums s = caps.industry(scope.asOf().getYear());
        return List.of(new MetricValue(null, null, null, s.part(), s.base()));
    }
}
