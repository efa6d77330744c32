package cn.fpjc.core.funds.spending;

import static cn.fpjc.core.funds.FundsInputs.invalid;

import cn.fpjc.core.funds.allocation.FundSource;
import cn.fpjc.core.funds.project.ProjectStatus;
import cn.fpjc.core.funds.spending.SpendingViews.BehindProject;
import cn.fpjc.core.funds.spending.SpendingViews.Checkpoint;
import cn.fpjc.core.funds.spending.SpendingViews.Month;
import cn.fpjc.core.funds.spending.SpendingViews.Progress;
import cn.fpjc.core.funds.spending.SpendingViews.SourceProgress;
import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterOrigin;
import cn.fpjc.core.registry.RegistryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * 支出进度 of a fund year on a date, against the province's checkpoints ({@link ProgressRules}): two grouped sums (payments
 * by source and day, allocations by source and day) and one grouped query for the projects behind schedule.
 */
@ApplicationScoped
public class ProgressService {
    @Inject
    CurrentUser user;

    @Inject
    AppClock clock;

    @Inject
    TenantAccess access;

    @Inject
    EffectiveParameters parameters;

    @Inject
    cn.fpjc.core.funds.project.FundCaps caps;

    @Transactional
    public Progress progress(Integer year, LocalDate date, int page, int size) {
        user.requireAnyRole(SpendingService.COUNTY_READERS);
        int y = year == null ? (date == null ? clock.year() : date.getYear()) : year;
        if (y < 2000 || y > 2099) {
            throw invalid("year", "年份应在2000—2099之间");
        }
        LocalDate d = date == null ? clock.today() : date;
        if (d.getYear() < y) {
            throw invalid("date", "日期应在资金年度 " + y + " 年之内或之后");
        }
        if (page < 0 || size < 1 || size > 200) {
            throw invalid("size", "每页1—200条");
        }
        EntityManager em = FundPayment.getEntityManager();
        Map<FundSource, NavigableMap<LocalDate, BigDecimal>> paid = bySourceAndDay(em, "SELECT p.source, p.paid_on, SUM(p.amount) FROM fund_payment p "
                + "JOIN fund_allocation a ON a.id = p.allocation_id WHERE a.year = ?1 AND p.paid_on <= ?2 GROUP BY p.source, p.paid_on", y, d);
        Map<FundSource, NavigableMap<LocalDate, BigDecimal>> received = bySourceAndDay(em, "SELECT source, received_on, SUM(amount) FROM fund_allocation "
                + "WHERE year = ?1 AND received_on <= ?2 GROUP BY source, received_on", y, d);
        NavigableMap<LocalDate, BigDecimal> allPaid = merged(paid);
        NavigableMap<LocalDate, BigDecimal> allReceived = merged(received);

        List<Checkpoint> checkpoints = new ArrayList<>();
        TenantInfo tenant = access.current();
        for (ProgressRules.Point pt : ProgressRules.POINTS) {
            EffectiveParameter p = parameters.resolve(tenant.provinceId(), tenant.code(), pt.key(), y);
            boolean set = p.origin() != ParameterOrigin.NOT_SET;
            BigDecimal target = set ? new BigDecimal(p.value().strip()) : null;
            LocalDate due = pt.dueIn(y);
            boolean passed = !due.isAfter(d);
            BigDecimal actual = passed ? ProgressRules.percent(ProgressRules.upTo(allPaid, due), ProgressRules.upTo(allReceived, due)) : null;
            checkpoints.add(new Checkpoint(pt.key(), pt.label(), due, target, set ? target.stripTrailingZeros().toPlainString() + "%" : "本省未设定",
                    set ? p.citation() : null, passed, actual, passed ? ProgressRules.met(actual, target) : null));
        }

        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(y, m);
            if (ym.atDay(1).isAfter(d)) {
                break;
            }
            LocalDate asOf = ym.atEndOfMonth().isAfter(d) ? d : ym.atEndOfMonth();
            BigDecimal r = ProgressRules.upTo(allReceived, asOf);
            BigDecimal pd = ProgressRules.upTo(allPaid, asOf);
            months.add(new Month(m, asOf, planned(checkpoints, ym.atEndOfMonth()), r, pd, ProgressRules.percent(pd, r)));
        }

        List<SourceProgress> sources = new ArrayList<>();
        for (FundSource s : FundSource.values()) {
            NavigableMap<LocalDate, BigDecimal> rs = received.getOrDefault(s, new TreeMap<>());
            NavigableMap<LocalDate, BigDecimal> ps = paid.getOrDefault(s, new TreeMap<>());
            if (rs.isEmpty() && ps.isEmpty()) {
                continue;
            }
            List<BigDecimal> monthly = months.stream().map(mo -> ProgressRules.percent(ProgressRules.upTo(ps, mo.asOf()), ProgressRules.upTo(rs, mo.asOf())))
                    .toList();
            BigDecimal r = ProgressRules.upTo(rs, d);
            BigDecimal pd = ProgressRules.upTo(ps, d);
            sources.add(new SourceProgress(s.name(), s.label(), r, pd, ProgressRules.percent(pd, r), monthly));
        }

        Checkpoint judgedBy = null;
        for (Checkpoint c : checkpoints) {
            if (c.passed() && c.target() != null) {
                judgedBy = c;
            }
        }
        List<BehindProject> behind = List.of();
        long total = 0;
        if (judgedBy != null) {
            String from = " FROM fund_project_funding f JOIN fund_allocation a ON a.id = f.allocation_id JOIN fund_project pr ON pr.id = f.project_id"
                    + " LEFT JOIN (SELECT funding_id, SUM(amount) AS paid FROM fund_payment WHERE paid_on <= ?2 GROUP BY funding_id) pp ON pp.funding_id = f.id"
                    + " WHERE a.year = ?1 AND pr.status IN ('APPROVED', 'COMPLETED', 'AUDITED') AND pr.approved_on <= ?2"
                    + " GROUP BY f.project_id HAVING ROUND(COALESCE(SUM(pp.paid), 0) * 100 / SUM(f.amount), 2) < ?3";
            total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM (SELECT f.project_id" + from + ") x").setParameter(1, y)
                    .setParameter(2, Date.valueOf(d)).setParameter(3, judgedBy.target()).getSingleResult()).longValue();
            List<?> rows = em.createNativeQuery("SELECT f.project_id, SUM(f.amount), COALESCE(SUM(pp.paid), 0)" + from
                    + " ORDER BY COALESCE(SUM(pp.paid), 0) / SUM(f.amount), f.project_id").setParameter(1, y).setParameter(2, Date.valueOf(d))
                    .setParameter(3, judgedBy.target()).setFirstResult(cn.fpjc.core.platform.web.Page.window(page, size, 200).page() * size)
                    .setMaxResults(size).getResultList();
            behind = behind(em, rows, judgedBy.target());
        }
        BigDecimal r = ProgressRules.upTo(allReceived, d);
        BigDecimal pd = ProgressRules.upTo(allPaid, d);
        return new Progress(y, d, ProgressRules.RULE, r, pd, ProgressRules.percent(pd, r), months, sources, checkpoints, judgedBy, behind, total,
                page, size, caps.shares(y));
    }

    /** The planned line: the target of the last checkpoint (set by the province) due on or before the day; 0 before the first. */
    static BigDecimal planned(List<Checkpoint> checkpoints, LocalDate day) {
        BigDecimal t = BigDecimal.ZERO;
        for (Checkpoint c : checkpoints) {
            if (c.target() != null && !c.dueOn().isAfter(day)) {
                t = c.target();
            }
        }
        return t;
    }

    private static List<BehindProject> behind(EntityManager em, List<?> rows, BigDecimal target) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> figures = new HashMap<>();
        List<Long> order = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            long id = ((Number) r[0]).longValue();
            order.add(id);
            figures.put(id, r);
        }
        Map<Long, Object[]> projects = new HashMap<>();
        for (Object[] p : InLists.list(em, "select p.id, p.name, p.townshipCode, p.status from Project p where p.id in :keys", Object[].class, order)) {
            projects.put((Long) p[0], p);
        }
        Set<String> townships = projects.values().stream().map(p -> (String) p[2]).filter(t -> t != null).map(t -> t + "000").collect(Collectors.toSet());
        Map<String, String> names = RegistryService.villageNames(townships);
        List<BehindProject> out = new ArrayList<>();
        for (Long id : order) {
            Object[] p = projects.get(id);
            Object[] f = figures.get(id);
            BigDecimal funded = ((BigDecimal) f[1]).setScale(2);
            BigDecimal paidSum = ((BigDecimal) f[2]).setScale(2);
            ProjectStatus st = (ProjectStatus) p[3];
            String t = (String) p[2];
            out.add(new BehindProject(id, (String) p[1], t, t == null ? "县级项目" : names.getOrDefault(t + "000", t), st.name(), st.label(), funded,
                    paidSum, ProgressRules.percent(paidSum, funded), target));
        }
        return out;
    }

    private static Map<FundSource, NavigableMap<LocalDate, BigDecimal>> bySourceAndDay(EntityManager em, String sql, int year, LocalDate day) {
        Map<FundSource, NavigableMap<LocalDate, BigDecimal>> out = new EnumMap<>(FundSource.class);
        for (Object o : em.createNativeQuery(sql).setParameter(1, year).setParameter(2, Date.valueOf(day)).getResultList()) {
            Object[] r = (Object[]) o;
            LocalDate on = r[1] instanceof Date sd ? sd.toLocalDate() : (LocalDate) r[1];
            out.computeIfAbsent(FundSource.valueOf((String) r[0]), k -> new TreeMap<>()).merge(on, ((BigDecimal) r[2]).setScale(2), BigDecimal::add);
        }
        return out;
    }

    private static NavigableMap<LocalDate, BigDecimal> merged(Map<FundSource, NavigableMap<LocalDate, BigDecimal>> bySource) {
        NavigableMap<LocalDate, BigDecimal> all = new TreeMap<>();
        bySource.values().forEach(m -> m.forEach((k, v) -> all.merge(k, v, BigDecimal::add)));
        return all;
    }
}
