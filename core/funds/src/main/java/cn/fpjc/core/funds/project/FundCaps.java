package cn.fpjc.core.funds.project;

import cn.fpjc.core.funds.FundsInputs;
import cn.fpjc.core.funds.allocation.AllocationService;
import cn.fpjc.core.funds.allocation.FundSource;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.ParameterOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shares a year's funds are judged by, each against the province's limit: the industry share of central funds (at
 * least), the management fee of central and provincial funds (at most, 000 衔接资金使用管理 二、3) and the funds pooled for
 * non-poor villages (at most, 一、3). The base is the year's allocations of the source; the part is what approved projects
 * (立项) take from that year's documents. Percent to two decimals, rounded half up.
 */
@ApplicationScoped
public class FundCaps {
    static final String INDUSTRY = "funds.industry-share-min";
    static final String FEE_CENTRAL = "funds.management-fee.central-max";
    static final String FEE_PROVINCIAL = "funds.management-fee.provincial-max";
    static final String POOL_CENTRAL = "funds.pooling.central-max";
    static final String POOL_PROVINCIAL = "funds.pooling.provincial-max";

    /**
     * One share: {@code part} of {@code base} as {@code percent}, against {@code limit} (a floor when {@code minimum}),
     * and the verdict 符合 / 不符合 / 本省未设定 / 暂无资金.
     */
    @Schema(name = "FundShare")
    public record Share(String rule, String source, BigDecimal part, BigDecimal base, BigDecimal percent, BigDecimal limit, boolean minimum,
            String result, String citation) {
    }

    @Inject
    EntityManager em;

    @Inject
    AllocationService allocations;

    /** What a share is made of: the approved projects' part of a source and the source's allocations of the year. */
    public record Sums(BigDecimal part, BigDecimal base) {
    }

    /** The industry share's sums (中央衔接资金用于产业发展): what the roll-up's metric counts, as the share above judges it. */
    public Sums industry(int year) {
        return sums(year, FundSource.CENTRAL, "p.category = 'INDUSTRY'", false);
    }

    private Sums sums(int year, FundSource source, String which, boolean locking) {
        String lock = locking ? " for update" : "";
        BigDecimal base = (BigDecimal) em.createNativeQuery("select coalesce(sum(amount), 0) from fund_allocation where year = :y and source = :s" + lock)
                .setParameter("y", year).setParameter("s", source.name()).getSingleResult();
        BigDecimal part = (BigDecimal) em.createNativeQuery("select coalesce(sum(f.amount), 0) from fund_project_funding f "
                + "join fund_project p on p.id = f.project_id join fund_allocation a on a.id = f.allocation_id "
                + "where a.year = :y and f.source = :s and p.status in ('APPROVED', 'COMPLETED', 'AUDITED') and " + which + lock)
                .setParameter("y", year).setParameter("s", source.name()).getSingleResult();
        return new Sums(part.setScale(2), base.setScale(2));
    }

    /** Every share of {@code year}, as the dashboard shows them. */
    public List<Share> shares(int year) {
        List<Share> all = new ArrayList<>();
        all.add(share(year, "中央衔接资金用于产业发展的比例", FundSource.CENTRAL, "p.category = 'INDUSTRY'", INDUSTRY, true, BigDecimal.ZERO, false));
        all.add(share(year, "项目管理费（中央衔接资金）", FundSource.CENTRAL, "p.category = 'MANAGEMENT_FEE'", FEE_CENTRAL, false, BigDecimal.ZERO, false));
        all.add(share(year, "项目管理费（省级衔接资金）", FundSource.PROVINCIAL, "p.category = 'MANAGEMENT_FEE'", FEE_PROVINCIAL, false, BigDecimal.ZERO, false));
        all.add(share(year, "统筹支持非脱贫村（中央衔接资金）", FundSource.CENTRAL, "p.non_poor_villages", POOL_CENTRAL, false, BigDecimal.ZERO, false));
        all.add(share(year, "统筹支持非脱贫村（省级衔接资金）", FundSource.PROVINCIAL, "p.non_poor_villages", POOL_PROVINCIAL, false, BigDecimal.ZERO, false));
        return all;
    }

    /**
     * The caps an approval would break: {@code project} taking {@code adding} more of {@code year}'s {@code source}.
     * Only the at-most shares (fee, pooling) can refuse an approval; the industry floor is judged over the year.
     */
    public List<Share> exceeded(int year, Project project, FundSource source, BigDecimal adding) {
        List<Share> broken = new ArrayList<>();
        if (project.category == ProjectCategory.MANAGEMENT_FEE && (source == FundSource.CENTRAL || source == FundSource.PROVINCIAL)) {
            Share s = share(year, "项目管理费（" + source.label() + "）", source, "p.category = 'MANAGEMENT_FEE'",
                    source == FundSource.CENTRAL ? FEE_CENTRAL : FEE_PROVINCIAL, false, adding, true);
            if ("不符合".equals(s.result())) {
                broken.add(s);
            }
        }
        if (project.nonPoorVillages && (source == FundSource.CENTRAL || source == FundSource.PROVINCIAL)) {
            Share s = share(year, "统筹支持非脱贫村（" + source.label() + "）", source, "p.non_poor_villages",
                    source == FundSource.CENTRAL ? POOL_CENTRAL : POOL_PROVINCIAL, false, adding, true);
            if ("不符合".equals(s.result())) {
                broken.add(s);
            }
        }
        return broken;
    }

    /** {@code locking}: the sums as locking reads (an approval's check, which must see every committed arrangement). */
    private Share share(int year, String rule, FundSource source, String which, String key, boolean minimum, BigDecimal adding, boolean locking) {
        Sums sums = sums(year, source, which, locking);
        BigDecimal base = sums.base();
        BigDecimal part = sums.part().add(adding);
        BigDecimal percent = FundsInputs.percent(part, base);
        EffectiveParameter p = allocations.parameter(key, year);
        if (p.origin() == ParameterOrigin.NOT_SET) {
            return new Share(rule, source.label(), part, base, percent, null, minimum, "本省未设定", null);
        }
        BigDecimal limit = new BigDecimal(p.value().strip());
        if (percent == null) {
            return new Share(rule, source.label(), part, base, null, limit, minimum, adding.signum() > 0 ? "不符合" : "暂无资金", p.citation());
        }
        // Judged exactly (part × 100 against limit × base), not on the rounded percent: 1 % of 1,000,000 is 10,000.00, not 10,000.04.
        int c = part.multiply(BigDecimal.valueOf(100)).compareTo(limit.multiply(base));
        boolean ok = minimum ? c >= 0 : c <= 0;
        return new Share(rule, source.label(), part, base, percent, limit, minimum, ok ? "符合" : "不符合", p.citation());
    }
}
