package cn.fpjc.core.funds.asset;

import cn.fpjc.core.funds.asset.AssetViews.ConfirmationClock;
import cn.fpjc.core.funds.asset.AssetViews.PlanRule;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.ParameterOrigin;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The asset rules that need no database: each returns its verdict with the rule in words and its source. */
final class AssetRules {
    /** Lines that pay for work done: with one of these a distribution is not a flat hand-out (000 联农带农机制 2). */
    static final Set<DistributionKind> WORK_BASIS = EnumSet.of(DistributionKind.WELFARE_JOB_WAGE, DistributionKind.LABOUR_PAY);

    private AssetRules() {
    }

    /**
     * 确权登记移交 (003 二(三)9): within N months of the project's 决算审计 date; the due date is the audit date plus N calendar
     * months (the last day of a shorter month when the day does not exist), inclusive. Unset → no clock, never guessed.
     */
    static ConfirmationClock confirmation(LocalDate auditedOn, LocalDate confirmedOn, EffectiveParameter months, LocalDate today) {
        if (months.origin() == ParameterOrigin.NOT_SET) {
            return new ConfirmationClock(null, false, confirmedOn == null ? "未确权（本县未设定时限）" : "已确权登记移交",
                    "本县未设定项目资产审计决算后完成确权登记移交的时限，不计算期限", null);
        }
        int n = Integer.parseInt(months.value().strip());
        LocalDate due = auditedOn.plusMonths(n);
        String rule = "项目决算审计（" + auditedOn + "）后 " + n + " 个月内，即 " + due + "（含）前完成确权登记移交；到期未完成即为逾期";
        if (confirmedOn != null) {
            boolean late = confirmedOn.isAfter(due);
            return new ConfirmationClock(due, late, late ? "已确权（逾期 " + ChronoUnit.DAYS.between(due, confirmedOn) + " 天完成）" : "已按期确权",
                    rule, months.citation());
        }
        if (today.isAfter(due)) {
            return new ConfirmationClock(due, true, "逾期未确权（已超过 " + ChronoUnit.DAYS.between(due, today) + " 天）", rule, months.citation());
        }
        return new ConfirmationClock(due, false, "未确权（还有 " + ChronoUnit.DAYS.between(today, due) + " 天）", rule, months.citation());
    }

    /** 四个一批 per-project plan (004 二(五)): required when the project's investment ≥ the threshold; unset → not required. */
    static PlanRule plan(BigDecimal investment, EffectiveParameter threshold) {
        if (threshold.origin() == ParameterOrigin.NOT_SET) {
            return new PlanRule(investment, null, false, "本省未设定须逐一制定分类管理方案的项目投资规模，不要求方案", null);
        }
        BigDecimal limit = new BigDecimal(threshold.value().strip());
        boolean required = investment.compareTo(limit) >= 0;
        return new PlanRule(investment, limit, required, "项目投资 " + plain(investment) + " 元" + (required ? "，达到 " : "，未达到 ") + plain(limit)
                + " 元（含）以上须逐一制定分类管理方案的规模" + (required ? "，须填写方案" : "，不要求方案"), threshold.citation());
    }

    /**
     * The distribution must add up to the income to the fen, and must not be a flat hand-out (000 (十八)三 “坚决杜绝……简单发钱发物和
     * 一分了之”; 000 联农带农机制 1: income goes by need and work, priority to 脱贫人口 and 监测对象): three or more household
     * lines of one and the same amount that together take the whole income, with no 公益岗位 or 劳务 line, are refused.
     */
    static void distribution(BigDecimal income, List<AssetDistributionLine> lines) {
        BigDecimal total = lines.stream().map(l -> l.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(income) != 0) {
            throw new ApiException(AssetError.ASSET_DISTRIBUTION_TOTAL_MISMATCH, "分配合计 " + plain(total) + " 元，收益 " + plain(income) + " 元，相差 "
                    + plain(income.subtract(total).abs()) + " 元；收益须全部列入分配方案（含村集体留存）");
        }
        List<AssetDistributionLine> households = lines.stream().filter(l -> l.householdId != null).toList();
        BigDecimal toHouseholds = households.stream().map(l -> l.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean sameAmount = households.stream().map(l -> l.amount).distinct().count() == 1;
        boolean workBasis = lines.stream().anyMatch(l -> WORK_BASIS.contains(l.kind));
        if (households.size() >= 3 && sameAmount && toHouseholds.compareTo(income) == 0 && !workBasis) {
            throw new ApiException(AssetError.ASSET_EQUAL_HANDOUT, households.size() + " 户每户 " + plain(households.get(0).amount)
                    + " 元平均分完全部收益，没有公益岗位或务工劳务依据。收益分配应优先用于设置公益岗位、支持监测对象和脱贫人口、"
                    + "对无劳动能力人口给予基本生活保障，或由村集体留存用于公益事业；不得简单发钱发物、一分了之");
        }
    }

    static String plain(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
