package cn.fpjc.core.funds.allocation;

import cn.fpjc.core.funds.FundsInputs;
import cn.fpjc.core.funds.FundsRoles;
import cn.fpjc.core.funds.allocation.AllocationViews.AllocationInput;
import cn.fpjc.core.funds.allocation.AllocationViews.AllocationView;
import cn.fpjc.core.funds.allocation.AllocationViews.FundedProject;
import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.calendar.Due;
import cn.fpjc.core.platform.calendar.WorkingDayCalendar;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterOrigin;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fund indicator documents (资金指标文件) and their clock: the projects they fund are to be approved within the province's
 * days of the document's arrival (黑龙江 45 days, 000 衔接资金使用管理 二、2), counted in calendar days with the start day left
 * out and a last day on a rest day moved to the next working day (民法典 第二百零一条、第二百零三条).
 */
@ApplicationScoped
public class AllocationService {
    public static final String APPROVAL_DAYS = "funds.project-approval-days";

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    EffectiveParameters parameters;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    AppClock clock;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Transactional
    public AllocationView create(AllocationInput in) {
        user.requireAnyRole(FundsRoles.ALLOCATORS);
        if (in == null) {
            throw FundsInputs.invalid("docNumber", "请填写指标文件");
        }
        FundAllocation a = new FundAllocation();
        a.year = FundsInputs.year(in.year(), "year");
        a.docNumber = FundsInputs.required(in.docNumber(), "docNumber", "请填写指标文件文号", 100);
        a.title = FundsInputs.required(in.title(), "title", "请填写指标文件标题", 200);
        a.source = Labelled.parse(FundSource.class, in.source());
        if (a.source == null) {
            throw FundsInputs.invalid("source", "资金来源应为：" + String.join("、", Labelled.labels(FundSource.class)));
        }
        a.amount = FundsInputs.money(in.amount(), "amount", "金额");
        if (in.receivedOn() == null || in.receivedOn().isAfter(clock.today()) || in.receivedOn().getYear() < a.year - 1) {
            throw FundsInputs.invalid("receivedOn", "请填写指标文件到县日期（不晚于今天，不早于资金年度的上一年）");
        }
        a.receivedOn = in.receivedOn();
        a.note = FundsInputs.optional(in.note(), "note", 500);
        a.createdBy = user.username();
        a.createdAt = clock.now();
        a.persistAndFlush();
        audit.record("CREATE", "fund_allocation", String.valueOf(a.id), null,
                Map.of("doc", a.docNumber, "source", a.source.name(), "amount", a.amount, "received", a.receivedOn.toString()));
        return views(List.of(a)).get(0);
    }

    @Transactional
    public List<AllocationView> list(Integer year) {
        user.requireAnyRole(FundsRoles.READERS);
        List<FundAllocation> rows = year == null ? FundAllocation.listAll(Sort.by("year").descending().and("receivedOn").and("id"))
                : FundAllocation.list("year", Sort.by("receivedOn").and("id"), year);
        return views(rows);
    }

    @Transactional
    public AllocationView get(long id) {
        user.requireAnyRole(FundsRoles.READERS);
        FundAllocation a = FundAllocation.findById(id);
        if (a == null) {
            throw new ApiException(PlatformError.NOT_FOUND, "指标文件 " + id);
        }
        return views(List.of(a)).get(0);
    }

    /** When projects paid by {@code a} must be approved, with the rule; null when the province has not set the days. */
    public Due approvalDue(FundAllocation a) {
        EffectiveParameter days = parameter(APPROVAL_DAYS, a.year);
        if (days.origin() == ParameterOrigin.NOT_SET) {
            return null;
        }
        Due due = calendar.afterDays(a.receivedOn, Integer.parseInt(days.value().strip()), true);
        return new Due(due.date(), "指标文件到县后" + days.value().strip() + "天内完成项目落实、审批（依据：" + days.citation() + "）；" + due.rule(),
                due.extended());
    }

    public EffectiveParameter parameter(String key, int year) {
        TenantInfo tenant = access.current();
        return parameters.resolve(tenant.provinceId(), tenant.code(), key, year);
    }

    private List<AllocationView> views(List<FundAllocation> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(a -> a.id).toList();
        Map<Long, List<Object[]>> funded = new HashMap<>();
        // Native SQL over the project tables: the project package builds on this one, never the other way round.
        // Below the county, only the projects the reader's org unit covers are named (as Project.coveredBy); the sums stay whole.
        String org = user.orgCode();
        boolean county = OrgScope.isCounty(org);
        String scope = county ? "" : OrgScope.isTownship(org)
                ? " and (p.township_code = :org or exists (select 1 from fund_project_village v where v.project_id = p.id and v.village_code like :prefix))"
                : " and exists (select 1 from fund_project_village v where v.project_id = p.id and v.village_code = :org)";
        var query = em.createNativeQuery("select f.allocation_id, p.id, p.name, f.amount, p.approved_on, 1 from fund_project_funding f "
                + "join fund_project p on p.id = f.project_id where f.allocation_id in (:ids)" + scope
                + (county ? "" : " union all select f.allocation_id, 0, null, f.amount, p.approved_on, 0 from fund_project_funding f "
                        + "join fund_project p on p.id = f.project_id where f.allocation_id in (:ids) and not (1 = 1" + scope + ")")
                + " order by 2").setParameter("ids", ids);
        if (!county) {
            query.setParameter("org", org);
            if (OrgScope.isTownship(org)) {
                query.setParameter("prefix", OrgScope.likePrefix(org));
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> lines = query.getResultList();
        for (Object[] l : lines) {
            funded.computeIfAbsent(((Number) l[0]).longValue(), k -> new ArrayList<>()).add(l);
        }
        LocalDate today = clock.today();
        List<AllocationView> views = new ArrayList<>();
        for (FundAllocation a : rows) {
            Due due = approvalDue(a);
            BigDecimal arranged = BigDecimal.ZERO.setScale(2);
            List<FundedProject> projects = new ArrayList<>();
            boolean allApproved = true;
            boolean late = false;
            for (Object[] l : funded.getOrDefault(a.id, List.of())) {
                BigDecimal amount = (BigDecimal) l[3];
                LocalDate approvedOn = l[4] == null ? null : l[4] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) l[4];
                arranged = arranged.add(amount);
                Boolean inTime = due == null || approvedOn == null ? null : !approvedOn.isAfter(due.date());
                allApproved &= approvedOn != null;
                late |= Boolean.FALSE.equals(inTime);
                if (((Number) l[5]).intValue() == 1) {
                    projects.add(new FundedProject(((Number) l[1]).longValue(), (String) l[2], amount, approvedOn, inTime));
                }
            }
            boolean anyFunded = funded.containsKey(a.id);
            String state = due == null ? "本省未设定"
                    : anyFunded && allApproved && arranged.compareTo(a.amount) >= 0 ? (late ? "逾期完成" : "按期完成")
                    : due.date().isBefore(today) ? "已逾期" : "未到期";
            views.add(new AllocationView(a.id, a.year, a.docNumber, a.title, a.source.name(), a.source.label(), a.amount, a.receivedOn, a.note,
                    arranged, a.amount.subtract(arranged), due == null ? null : due.date(),
                    due == null ? "本省未设定指标文件到县后完成项目审批的时限" : due.rule(), state, projects, a.version));
        }
        return views;
    }
}
