package cn.fpjc.core.monitoring;

import cn.fpjc.core.monitoring.CaseViews.InboxItem;
import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.calendar.Due;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.platform.web.SortBy;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.RegistryService;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the staff's pages show of the monitoring work at a glance, always within the reader's org scope: the home's work
 * (steps, clues, plans and visits due today and this week) and figures, counted by the database (counts and group-by;
 * no entity is loaded to count it); one household's monitoring (its cases, plan, visits and clues); and the list of
 * cases and monitored households with their filters.
 */
@ApplicationScoped
public class MonitoringOverview {
    /** "This week": today and the six days after it. */
    static final int WEEK_DAYS = 6;
    static final int MAX_PAGE = 100;

    @Inject
    AppClock clock;

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    CaseService cases;

    @Inject
    PlanService plans;

    @Inject
    EffectiveParameters parameters;

    public record Count(String code, String label, long count) {
    }

    /**
     * @param nextSteps the first of the caller's steps (the inbox's order: earliest due first)
     * @param nextClues the first clues waiting for 入户核实, earliest due first (public self-reports included)
     */
    public record Work(LocalDate today, LocalDate weekEnd, int year, long stepsOverdue, long stepsThisWeek, List<InboxItem> nextSteps,
            boolean clueStaff, long cluesOpen, long cluesOverdue, long cluesThisWeek, long cluesSelfReport, List<ClueLine> nextClues,
            long plansDue, long visitsDue, List<Count> byState, List<Count> byType, long monitored, long identifiedThisYear,
            long eliminatedThisYear) {
    }

    public record ClueLine(long id, String trackingNo, String personName, String villageCode, String channelLabel, LocalDate reportedOn,
            LocalDate verifyDue, String dueState, String status, String statusLabel) {
    }

    public record CaseLine(long id, Long parentCaseId, String procedureLabel, String monitoringTypeLabel, String status, String statusLabel,
            String currentStepLabel, LocalDate currentDue, LocalDate startedOn, LocalDate approvedOn, String riskState, String riskStateLabel) {
    }

    public record PlanLine(long caseId, String responsibleOfficial, LocalDate adjustedOn, LocalDate lockedOn, boolean adjustmentRequired) {
    }

    public record VisitLine(long caseId, String kindLabel, String visitor, LocalDate visitedOn, String findings) {
    }

    /**
     * One household's monitoring: its state (from its identification case), every case (newest first), its plan, its
     * latest visits and its clues. {@code openCaseId} is the case in progress, if any; {@code canOpen}: a case may be opened
     * for it now (none in progress and not monitored).
     */
    public record HouseholdMonitoring(String riskState, String riskStateLabel, Long monitoredCaseId, Long openCaseId, boolean canOpen,
            List<CaseLine> cases, PlanLine plan, List<VisitLine> visits, long visitCount, List<ClueLine> clues) {
    }

    /** A row of the case list: names, not codes (village name, 户主). */
    public record CaseRow(long id, long householdId, String householdNo, String headName, String villageCode, String villageName,
            CaseLine c) {
    }

    /** A step a case in progress in the reader's scope is at, for the list's filter: {@code value} is "procedure:step". */
    public record StepChoice(String value, String label) {
    }

    /** The roles that read monitoring (staff, responsible officials, departments). */
    public boolean canRead() {
        return user.hasAnyRole(ClueService.readers());
    }

    // ---------------------------------------------------------------- home

    @Transactional
    public Work work() {
        user.requireAnyRole(ClueService.readers());
        TenantInfo tenant = access.current();
        LocalDate today = clock.today();
        LocalDate weekEnd = today.plusDays(WEEK_DAYS);
        int year = today.getYear();
        String scope = OrgScope.likePrefix(user.orgCode());
        Set<String> roles = user.roles().isEmpty() ? Set.of("-") : user.roles();
        // Steps of the caller's roles: the inbox's index (status, current_step_role, current_due, village_code).
        long stepsOverdue = InLists.list(MonitoringCase.getEntityManager(), "select count(c) from MonitoringCase c where c.status = :status"
                + " and c.currentRole in :keys and c.currentDue < :today and c.villageCode like :scope", Long.class, roles,
                q -> q.setParameter("status", CaseStatus.IN_PROGRESS).setParameter("today", today).setParameter("scope", scope))
                .stream().mapToLong(Long::longValue).sum();
        long stepsThisWeek = InLists.list(MonitoringCase.getEntityManager(), "select count(c) from MonitoringCase c where c.status = :status"
                + " and c.currentRole in :keys and c.currentDue between :today and :weekEnd and c.villageCode like :scope", Long.class, roles,
                q -> q.setParameter("status", CaseStatus.IN_PROGRESS).setParameter("today", today).setParameter("weekEnd", weekEnd)
                        .setParameter("scope", scope)).stream().mapToLong(Long::longValue).sum();
        boolean clueStaff = user.hasAnyRole(ClueService.STAFF);
        long cluesOpen = 0;
        long cluesOverdue = 0;
        long cluesThisWeek = 0;
        long cluesSelfReport = 0;
        List<ClueLine> nextClues = List.of();
        if (clueStaff) {
            cluesOpen = RiskClue.count("villageCode like ?1 and status = ?2", scope, ClueStatus.OPEN);
            cluesOverdue = RiskClue.count("villageCode like ?1 and status = ?2 and verifyDue < ?3", scope, ClueStatus.OPEN, today);
            cluesThisWeek = RiskClue.count("villageCode like ?1 and status = ?2 and verifyDue between ?3 and ?4", scope, ClueStatus.OPEN,
                    today, weekEnd);
            cluesSelfReport = RiskClue.count("villageCode like ?1 and status = ?2 and channel = ?3", scope, ClueStatus.OPEN,
                    ClueChannel.SELF_REPORT);
            nextClues = RiskClue.<RiskClue>find("villageCode like ?1 and status = ?2", Sort.by("verifyDue").and("id"), scope, ClueStatus.OPEN)
                    .page(0, 5).list().stream().map(c -> clueLine(c, today)).toList();
        }
        Map<String, Long> states = grouped("select c.riskState, count(c) from MonitoringCase c where c.parentCaseId is null"
                + " and c.riskState is not null and c.villageCode like :scope group by c.riskState", scope);
        Map<String, Long> types = grouped("select c.monitoringType, count(c) from MonitoringCase c where c.parentCaseId is null"
                + " and c.riskState is not null and c.villageCode like :scope group by c.monitoringType", scope);
        List<Count> byState = new ArrayList<>();
        for (RiskState s : RiskState.values()) {
            byState.add(new Count(s.name(), s.label(), states.getOrDefault(s.name(), 0L)));
        }
        List<Count> byType = new ArrayList<>();
        for (MonitoringType t : MonitoringType.values()) {
            byType.add(new Count(t.name(), t.label(), types.getOrDefault(t.name(), 0L)));
        }
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        LocalDate dec31 = LocalDate.of(year, 12, 31);
        long identified = MonitoringCase.count("parentCaseId is null and approvedOn between ?1 and ?2 and villageCode like ?3", jan1, dec31,
                scope);
        long eliminated = MonitoringCase.count("parentCaseId is null and riskState = ?1 and riskStateOn between ?2 and ?3"
                + " and villageCode like ?4", RiskState.ELIMINATED, jan1, dec31, scope);
        return new Work(today, weekEnd, year, stepsOverdue, stepsThisWeek, cases.inbox(5), clueStaff, cluesOpen, cluesOverdue,
                cluesThisWeek, cluesSelfReport, nextClues, plansDue(tenant, today, weekEnd, scope), visitsDue(tenant, weekEnd, scope),
                byState, byType, byState.stream().mapToLong(Count::count).sum(), identified, eliminated);
    }

    private static Map<String, Long> grouped(String jpql, String scope) {
        Map<String, Long> counts = new HashMap<>();
        MonitoringCase.getEntityManager().createQuery(jpql, Object[].class).setParameter("scope", scope).getResultList()
                .forEach(row -> counts.put(((Enum<?>) row[0]).name(), (Long) row[1]));
        return counts;
    }

    /**
     * Plans due by the end of the week or overdue, as {@link PlanService#tasks} lists them: to make or re-adjust after a new
     * risk by the case's plan date, and the year's re-adjustment where the province sets its deadline.
     */
    private long plansDue(TenantInfo tenant, LocalDate today, LocalDate weekEnd, String scope) {
        long due = MonitoringCase.getEntityManager().createQuery("select count(c) from MonitoringCase c left join AssistancePlan p"
                + " on p.caseId = c.id where c.parentCaseId is null and c.riskState = :state and c.villageCode like :scope"
                + " and (p.id is null or p.adjustmentRequired = true) and c.planDue <= :end", Long.class)
                .setParameter("state", RiskState.UNRESOLVED).setParameter("scope", scope).setParameter("end", weekEnd).getSingleResult();
        Due readjust = plans.readjustDue(tenant, today).orElse(null);
        if (readjust != null && !readjust.date().isAfter(weekEnd)) {
            due += MonitoringCase.getEntityManager().createQuery("select count(c) from MonitoringCase c, AssistancePlan p"
                    + " where p.caseId = c.id and c.parentCaseId is null and c.riskState = :state and c.villageCode like :scope"
                    + " and p.adjustmentRequired = false and p.adjustedOn < :jan1", Long.class)
                    .setParameter("state", RiskState.UNRESOLVED).setParameter("scope", scope)
                    .setParameter("jan1", LocalDate.of(today.getYear(), 1, 1)).getSingleResult();
        }
        return due;
    }

    /**
     * Visits due by the end of the week or overdue, on the cadence of {@link VisitService#cadence}: from the later of the
     * last visit of the kind and the risk state's date, plus the province's interval in months (MariaDB's DATE_ADD clamps
     * to the month's end as {@code plusMonths} does). A kind whose interval is not set is not counted.
     */
    private long visitsDue(TenantInfo tenant, LocalDate weekEnd, String scope) {
        long due = 0;
        for (VisitService.CadenceRule rule : VisitService.CADENCE) {
            EffectiveParameter interval = parameters.resolve(tenant.provinceId(), tenant.code(), rule.param(), clock.year());
            if (interval.value() == null) {
                continue;
            }
            String states = rule.states().stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
            Query q = MonitoringCase.getEntityManager().createNativeQuery("SELECT COUNT(*) FROM monitoring_case c LEFT JOIN"
                    + " (SELECT case_id, MAX(visited_on) AS last_on FROM followup_visit WHERE kind = ?1 AND village_code LIKE ?2"
                    + " GROUP BY case_id) v ON v.case_id = c.id WHERE c.parent_case_id IS NULL AND c.risk_state IN (" + states + ")"
                    + " AND c.village_code LIKE ?2 AND DATE_ADD(CASE WHEN v.last_on IS NULL OR v.last_on < c.risk_state_on"
                    + " THEN c.risk_state_on ELSE v.last_on END, INTERVAL ?3 MONTH) <= ?4");
            q.setParameter(1, rule.kind().name()).setParameter(2, scope).setParameter(3, Integer.parseInt(interval.value()))
                    .setParameter(4, weekEnd);
            due += ((Number) q.getSingleResult()).longValue();
        }
        return due;
    }

    // ---------------------------------------------------------------- one household

    @Transactional
    public HouseholdMonitoring household(long householdId) {
        user.requireAnyRole(ClueService.readers());
        Household h = Household.findById(householdId);
        if (h == null || !OrgScope.covers(user.orgCode(), h.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND, "农户");
        }
        LocalDate today = clock.today();
        List<MonitoringCase> all = MonitoringCase.list("householdId", Sort.descending("id"), h.id);
        Map<Long, CaseStep> current = CaseService.currentSteps(all.stream().filter(c -> c.status == CaseStatus.IN_PROGRESS).toList());
        List<CaseLine> lines = all.stream().map(c -> caseLine(c, current.get(c.id))).toList();
        MonitoringCase monitored = all.stream().filter(c -> c.parentCaseId == null && c.riskState != null).findFirst().orElse(null);
        Long open = all.stream().filter(c -> c.status == CaseStatus.IN_PROGRESS).map(c -> c.id).findFirst().orElse(null);
        PlanLine plan = null;
        List<VisitLine> visits = List.of();
        long visitCount = 0;
        if (monitored != null) {
            AssistancePlan p = AssistancePlan.find("caseId", monitored.id).firstResult();
            plan = p == null ? null : new PlanLine(monitored.id, p.responsibleOfficial, p.adjustedOn, p.lockedOn, p.adjustmentRequired);
            visitCount = FollowUpVisit.count("caseId", monitored.id);
            visits = FollowUpVisit.<FollowUpVisit>find("caseId", Sort.descending("visitedOn").and("id", Sort.Direction.Descending), monitored.id)
                    .page(0, 5).list().stream().map(v -> new VisitLine(v.caseId, v.kind.label(), v.visitor, v.visitedOn, v.findings)).toList();
        }
        List<ClueLine> clues = RiskClue.<RiskClue>list("householdId", Sort.descending("reportedOn").and("id", Sort.Direction.Descending), h.id)
                .stream().map(c -> clueLine(c, today)).toList();
        return new HouseholdMonitoring(monitored == null ? null : monitored.riskState.name(),
                monitored == null ? null : monitored.riskState.label(), monitored == null ? null : monitored.id, open,
                h.active && open == null && monitored == null, lines, plan, visits, visitCount, clues);
    }

    // ---------------------------------------------------------------- the list

    /** What the list's state filter offers: a case's status, a household's risk state, or every monitored household. */
    public static final List<Count> STATES = List.of(new Count("IN_PROGRESS", "办理中的案件", 0), new Count("COMPLETED", "已办结的案件", 0),
            new Count("REJECTED", "不予纳入的案件", 0), new Count("MONITORED", "全部监测户", 0),
            new Count("UNRESOLVED", "监测户：" + RiskState.UNRESOLVED.label(), 0), new Count("ELIMINATED", "监测户：" + RiskState.ELIMINATED.label(), 0),
            new Count("BASIC_PROTECTION", "监测户：" + RiskState.BASIC_PROTECTION.label(), 0));

    /**
     * Cases in the reader's scope, newest first, filtered by state ({@link #STATES}; a risk state or MONITORED lists each
     * monitored household once, by its identification case), current step ("procedure:step"), village or township code,
     * and monitoring type (name or label); each with its village's name and the household's 户主.
     */
    @Transactional
    public Page<CaseRow> list(String state, String step, String village, String type, int page, int size) {
        return list(state, step, village, type, NEWEST_FIRST, page, size);
    }

    /** The columns the case list may be sorted by: dates of the case row itself, cheap on a scoped, filtered list. */
    public static final Map<String, String> SORTS = SortBy.columns("startedOn", "启动日期", "approvedOn", "识别日期");

    /** The list's default order: the newest started first. */
    public static final SortBy NEWEST_FIRST = new SortBy("startedOn", true);

    /** The list in the order asked for ({@link #SORTS}; ties by id in the same direction, so pages never overlap). */
    @Transactional
    public Page<CaseRow> list(String state, String step, String village, String type, SortBy sort, int page, int size) {
        if (!SORTS.containsKey(sort.column())) {
            throw new IllegalArgumentException("not a case sort: " + sort.column());
        }
        Sort.Direction direction = sort.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
        user.requireAnyRole(ClueService.readers());
        StringBuilder where = new StringBuilder("villageCode like :scope");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scope", OrgScope.likePrefix(user.orgCode()));
        if (village != null && !village.isBlank()) {
            if (!OrgScope.covers(user.orgCode(), village.strip())) {
                throw new ApiException(PlatformError.NOT_FOUND, "村");
            }
            where.append(" and villageCode like :village");
            p.put("village", OrgScope.likePrefix(village.strip()));
        }
        if (state != null && !state.isBlank()) {
            switch (state) {
                case "IN_PROGRESS", "COMPLETED", "REJECTED" -> {
                    where.append(" and status = :status");
                    p.put("status", CaseStatus.valueOf(state));
                }
                case "MONITORED" -> where.append(" and parentCaseId is null and riskState is not null");
                case "UNRESOLVED", "ELIMINATED", "BASIC_PROTECTION" -> {
                    where.append(" and parentCaseId is null and riskState = :risk");
                    p.put("risk", RiskState.valueOf(state));
                }
                default -> throw new ApiException(PlatformError.VALIDATION_FAILED, null,
                        List.of(new cn.fpjc.core.platform.error.ErrorBody.FieldError("state", "没有这个状态")));
            }
        }
        if (step != null && step.contains(":")) {
            where.append(" and status = :inProgress and procedureId = :procedure and currentStep = :step");
            p.put("inProgress", CaseStatus.IN_PROGRESS);
            p.put("procedure", step.substring(0, step.indexOf(':')));
            p.put("step", step.substring(step.indexOf(':') + 1));
        }
        if (type != null && !type.isBlank()) {
            List<cn.fpjc.core.platform.error.ErrorBody.FieldError> errors = new ArrayList<>();
            MonitoringType t = cn.fpjc.core.platform.text.Inputs.required(MonitoringType.class, type, "type", "监测对象类型", errors);
            ApiException.refuseIfAny(errors);
            where.append(" and monitoringType = :type");
            p.put("type", t);
        }
        return Page.of(MonitoringCase.<MonitoringCase>find(where.toString(), Sort.by(sort.column(), direction).and("id", direction), p),
                page, size, MAX_PAGE, this::rows);
    }

    /** The steps cases in progress in the reader's scope are at (one group-by), for the list's filter. */
    @Transactional
    public List<StepChoice> currentSteps() {
        user.requireAnyRole(ClueService.readers());
        return MonitoringCase.getEntityManager().createQuery("select c.procedureId, s.stepId, min(s.label) from MonitoringCase c, CaseStep s"
                + " where s.caseId = c.id and s.stepId = c.currentStep and c.status = :status and c.villageCode like :scope"
                + " group by c.procedureId, s.stepId order by c.procedureId, min(s.seq)", Object[].class)
                .setParameter("status", CaseStatus.IN_PROGRESS).setParameter("scope", OrgScope.likePrefix(user.orgCode())).getResultList()
                .stream().map(r -> new StepChoice(r[0] + ":" + r[1], CaseService.procedureLabel((String) r[0]) + " · " + r[2])).toList();
    }

    private List<CaseRow> rows(List<MonitoringCase> page) {
        List<Long> households = page.stream().map(c -> c.householdId).distinct().toList();
        Map<Long, String> numbers = CaseService.householdNumbers(households);
        Map<Long, String> heads = CaseService.headNames(households);
        Map<String, String> villages = RegistryService.villageNames(page.stream().map(c -> c.villageCode).distinct().toList());
        Map<Long, CaseStep> current = CaseService.currentSteps(page.stream().filter(c -> c.status == CaseStatus.IN_PROGRESS).toList());
        return page.stream().map(c -> new CaseRow(c.id, c.householdId, numbers.get(c.householdId), heads.get(c.householdId), c.villageCode,
                villages.get(c.villageCode), caseLine(c, current.get(c.id)))).toList();
    }

    private static CaseLine caseLine(MonitoringCase c, CaseStep current) {
        return new CaseLine(c.id, c.parentCaseId, CaseService.procedureLabel(c), c.monitoringType.label(), c.status.name(), c.status.label(),
                current == null ? null : current.label, current == null ? null : current.dueOn, c.startedOn, c.approvedOn,
                c.riskState == null ? null : c.riskState.name(), c.riskState == null ? null : c.riskState.label());
    }

    private static ClueLine clueLine(RiskClue c, LocalDate today) {
        return new ClueLine(c.id, c.trackingNo, c.personName, c.villageCode, c.channel.label(), c.reportedOn, c.verifyDue,
                c.status.closed() ? "已办结" : Due.state(c.verifyDue, today), c.status.name(), c.status.label());
    }
}
