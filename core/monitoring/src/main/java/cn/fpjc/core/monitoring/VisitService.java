package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.files.Scans;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.policy.PolicyError;

import cn.fpjc.core.platform.text.Inputs;
import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.calendar.Due;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.monitoring.PlanRequests.VisitInput;
import cn.fpjc.core.monitoring.PlanViews.CadenceItem;
import cn.fpjc.core.monitoring.PlanViews.LongCase;
import cn.fpjc.core.monitoring.PlanViews.VisitView;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follow-up of monitored households (DOMAIN.md §2 Follow-up): visit and 回头看 records with a photo or scanned record;
 * when each household is next due a visit, on the province's intervals (帮扶责任人 followup.official-visit-interval-months,
 * 驻村工作队 followup.team-visit-monitored-interval-months, 回头看 followup.lookback-*-interval-months); and the households
 * monitored longer than followup.long-case-years. The team's visits to 脱贫户 and 一般户 (…-others-…) concern every
 * household of the registry, not the monitored ones, and are not tracked here.
 */
@ApplicationScoped
public class VisitService {
    @Inject
    AppClock clock;

    /** Officials record their own visits; staff record any. */
    static final String[] RECORDERS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER, Roles.VILLAGE_CLERK,
            Roles.RESPONSIBLE_OFFICIAL };

    /** Which visits a monitored household is due in each risk state, and the parameter that sets the interval. */
    record CadenceRule(VisitKind kind, String param, Set<RiskState> states) {
    }

    static final List<CadenceRule> CADENCE = List.of(
            new CadenceRule(VisitKind.OFFICIAL, "followup.official-visit-interval-months", EnumSet.of(RiskState.UNRESOLVED, RiskState.BASIC_PROTECTION)),
            new CadenceRule(VisitKind.TEAM, "followup.team-visit-monitored-interval-months", EnumSet.of(RiskState.UNRESOLVED, RiskState.BASIC_PROTECTION)),
            new CadenceRule(VisitKind.LOOKBACK, "followup.lookback-open-interval-months", EnumSet.of(RiskState.UNRESOLVED, RiskState.BASIC_PROTECTION)),
            new CadenceRule(VisitKind.LOOKBACK, "followup.lookback-eliminated-interval-months", EnumSet.of(RiskState.ELIMINATED)));

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    PlanService plans;

    @Inject
    EffectiveParameters parameters;

    @Inject
    AuditLog audit;

    public record Attachment(String name, String type, byte[] bytes) {
    }

    @Transactional
    public VisitView record(long caseId, VisitInput in) {
        user.requireAnyRole(RECORDERS);
        MonitoringCase c = plans.monitored(caseId);
        if (c.riskState == null && !c.greenChannel) {
            throw new ApiException(MonitoringError.CASE_TRANSITION_INVALID, "县级审定后开始走访记录");
        }
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            in = new VisitInput(null, null, null, null, null, null);
        }
        VisitKind kind = Inputs.required(VisitKind.class, in.kind(), "kind", "走访类型", errors);
        LocalDate today = clock.today();
        if (in.visitedOn() == null || in.visitedOn().isAfter(today)) {
            errors.add(new FieldError("visitedOn", "请填写走访日期（不晚于今天）"));
        }
        if (in.visitor() == null || in.visitor().isBlank() || in.visitor().strip().length() > 64) {
            errors.add(new FieldError("visitor", "请填写走访人"));
        }
        if (in.findings() == null || in.findings().strip().length() < 4 || in.findings().strip().length() > 2000) {
            errors.add(new FieldError("findings", "请填写走访发现的情况（4—2000字）"));
        }
        Scans.Scan scan = Scans.read(in.attachmentBase64(), in.attachmentName(), "attachment", errors, MonitoringError.ATTACHMENT_INVALID);
        ApiException.refuseIfAny(errors);
        FollowUpVisit v = new FollowUpVisit();
        v.caseId = c.id;
        v.householdId = c.householdId;
        v.villageCode = c.villageCode;
        v.kind = kind;
        v.visitor = in.visitor().strip();
        v.visitedOn = in.visitedOn();
        v.findings = in.findings().strip();
        if (scan != null) {
            v.attachment = scan.bytes();
            v.attachmentType = scan.type();
            v.attachmentName = scan.name();
        }
        v.createdAt = clock.now();
        v.createdBy = user.username();
        v.persist();
        FollowUpVisit.flush();
        VisitView view = view(v);
        audit.record("CREATE", "followup_visit", String.valueOf(v.id), null, view);
        return view;
    }

    @Transactional
    public List<VisitView> list(long caseId) {
        MonitoringCase c = plans.monitored(caseId);
        return FollowUpVisit.<FollowUpVisit>list("caseId", Sort.descending("visitedOn").and("id", Sort.Direction.Descending), c.id).stream()
                .map(VisitService::view).toList();
    }

    @Transactional
    public Attachment attachment(long caseId, long visitId) {
        MonitoringCase c = plans.monitored(caseId);
        FollowUpVisit v = FollowUpVisit.findById(visitId);
        if (v == null || !v.caseId.equals(c.id) || v.attachment == null) {
            throw new ApiException(PlatformError.NOT_FOUND, "附件");
        }
        return new Attachment(v.attachmentName, v.attachmentType, v.attachment);
    }

    /**
     * When each monitored household in scope is next due a visit: the responsible official's visit while monitored
     * (风险未消除、兜底保障), and 回头看 at the province's interval for open and for eliminated cases; a kind whose interval
     * the province does not set is not listed. Counted from the last such visit, or from the approval or latest marking.
     */
    @Transactional
    public List<CadenceItem> cadence(int limit) {
        user.requireAnyRole(ClueService.readers());
        TenantInfo tenant = access.current();
        LocalDate today = clock.today();
        Map<CadenceRule, EffectiveParameter> intervals = new HashMap<>();
        CADENCE.forEach(r -> intervals.put(r, parameters.resolve(tenant.provinceId(), tenant.code(), r.param(), today.getYear())));
        String scope = OrgScope.likePrefix(user.orgCode());
        List<MonitoringCase> monitored = MonitoringCase.list("parentCaseId is null and riskState is not null and villageCode like ?1", scope);
        Map<String, LocalDate> last = new HashMap<>();
        for (Object[] row : FollowUpVisit.getEntityManager().createQuery("select v.caseId, v.kind, max(v.visitedOn) from FollowUpVisit v"
                + " where v.villageCode like :scope group by v.caseId, v.kind", Object[].class).setParameter("scope", scope).getResultList()) {
            last.put(row[0] + "/" + row[1], (LocalDate) row[2]);
        }
        List<CadenceItem> items = new ArrayList<>();
        for (MonitoringCase c : monitored) {
            for (CadenceRule rule : CADENCE) {
                if (rule.states().contains(c.riskState)) {
                    add(items, c, rule.kind(), intervals.get(rule), last, today);
                }
            }
        }
        items.sort(Comparator.comparing(CadenceItem::dueOn).thenComparing(CadenceItem::caseId));
        List<CadenceItem> page = items.subList(0, Math.min(items.size(), Math.min(Math.max(limit, 1), 1000)));
        Map<Long, Long> households = new HashMap<>();
        monitored.forEach(c -> households.put(c.id, c.householdId));
        Map<Long, String> numbers = CaseService.householdNumbers(page.stream().map(i -> households.get(i.caseId())).distinct().toList());
        return page.stream().map(i -> i.withHouseholdNo(numbers.get(households.get(i.caseId())))).toList();
    }

    private static void add(List<CadenceItem> items, MonitoringCase c, VisitKind kind, EffectiveParameter interval, Map<String, LocalDate> last,
            LocalDate today) {
        if (interval.value() == null) {
            return;
        }
        int months = Integer.parseInt(interval.value());
        LocalDate lastVisit = last.get(c.id + "/" + kind.name());
        LocalDate from = lastVisit == null || lastVisit.isBefore(c.riskStateOn) ? c.riskStateOn : lastVisit;
        LocalDate due = from.plusMonths(months);
        items.add(new CadenceItem(c.id, null, c.villageCode, c.riskState.label(), kind.name(), kind.label(), lastVisit, months,
                interval.label() + "：" + months + "个月（" + interval.citation() + "）", due, Due.state(due, today)));
    }

    /** The province's (or county's) limit in years beyond which a household counts as a long case, if it sets one. */
    public EffectiveParameter longCaseLimit() {
        TenantInfo tenant = access.current();
        return parameters.resolve(tenant.provinceId(), tenant.code(), "followup.long-case-years", clock.year());
    }

    /** Households monitored longer than followup.long-case-years without elimination, oldest first, with their history. */
    @Transactional
    public List<LongCase> longCases(int limit) {
        user.requireAnyRole(ClueService.readers());
        LocalDate today = clock.today();
        EffectiveParameter years = longCaseLimit();
        if (years.value() == null) {
            throw new ApiException(PolicyError.PARAMETER_NOT_SET, years.label());
        }
        LocalDate before = today.minusYears(Integer.parseInt(years.value()));
        List<MonitoringCase> old = MonitoringCase.<MonitoringCase>find("parentCaseId is null and riskState = ?1 and approvedOn < ?2"
                + " and villageCode like ?3", Sort.by("approvedOn").and("id"), RiskState.UNRESOLVED, before, OrgScope.likePrefix(user.orgCode()))
                .page(0, Math.min(Math.max(limit, 1), 500)).list();
        Map<Long, String> numbers = CaseService.householdNumbers(old.stream().map(c -> c.householdId).distinct().toList());
        return old.stream().map(c -> {
            AssistancePlan plan = AssistancePlan.find("caseId", c.id).firstResult();
            int measures = plan == null ? 0 : (int) PlanMeasure.count("planId", plan.id);
            List<FollowUpVisit> visits = FollowUpVisit.list("caseId", Sort.descending("visitedOn").and("id", Sort.Direction.Descending), c.id);
            List<CaseViews.EventView> history = CaseEvent.<CaseEvent>list("caseId", Sort.by("occurredAt").and("id"), c.id).stream()
                    .map(e -> new CaseViews.EventView(e.stepId, e.action, e.actor, e.occurredAt, e.note)).toList();
            return new LongCase(c.id, numbers.get(c.householdId), c.villageCode, c.approvedOn, ChronoUnit.MONTHS.between(c.approvedOn, today),
                    RiskCategory.labels(c.riskCategories), measures, visits.size(), visits.isEmpty() ? null : visits.get(0).visitedOn, history);
        }).toList();
    }

    static VisitView view(FollowUpVisit v) {
        return new VisitView(v.id, v.caseId, v.kind.name(), v.kind.label(), v.visitor, v.visitedOn, v.findings, v.attachmentName, v.createdBy);
    }
}
