package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.error.Versions;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.text.Inputs;
import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.calendar.Due;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.monitoring.PlanRequests.MeasureInput;
import cn.fpjc.core.monitoring.PlanRequests.PlanInput;
import cn.fpjc.core.monitoring.PlanRules.Finding;
import cn.fpjc.core.monitoring.PlanRules.MeasureFacts;
import cn.fpjc.core.monitoring.PlanRules.MemberFacts;
import cn.fpjc.core.monitoring.PlanViews.MeasureView;
import cn.fpjc.core.monitoring.PlanViews.MemberOption;
import cn.fpjc.core.monitoring.PlanViews.PlanCheck;
import cn.fpjc.core.monitoring.PlanViews.PlanTask;
import cn.fpjc.core.monitoring.PlanViews.PlanView;
import cn.fpjc.core.policy.form.FormExtensions;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.Member;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 一户一策 (DOMAIN.md §2 帮扶计划; 002 二(三)12): one plan per monitored household, due assistance.plan-days after the
 * county's approval (or after a new risk was marked), checked against {@link PlanRules} on every save, re-adjusted every
 * year by assistance.plan-readjust-deadline where the province sets one, and locked once the risk is marked eliminated.
 * A 绿色通道 case may have its plan — and its measures start — before the procedure completes.
 */
@ApplicationScoped
public class PlanService {
    @Inject
    AppClock clock;

    static final String READJUST = "assistance.plan-readjust-deadline";

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    CaseService cases;

    @Inject
    EffectiveParameters parameters;

    @Inject
    AuditLog audit;

    @Inject
    FormExtensions forms;

    @Transactional
    public PlanView get(long caseId) {
        return view(monitored(caseId));
    }

    /** What the rules say of a plan, without saving it (the editor's 检查 button). */
    @Transactional
    public PlanCheck check(long caseId, PlanInput in) {
        MonitoringCase c = monitored(caseId);
        Parsed p = parse(c, in);
        return new PlanCheck(p.errors.isEmpty(), p.errors, p.warnings);
    }

    @Transactional
    public PlanView save(long caseId, PlanInput in) {
        user.requireAnyRole(CaseService.STEP_DOERS); // the responsible official drafts the plan with the household
        MonitoringCase c = monitored(caseId);
        if (c.riskState == null && !(c.greenChannel && c.status == CaseStatus.IN_PROGRESS)) {
            throw new ApiException(MonitoringError.PLAN_NOT_ALLOWED);
        }
        AssistancePlan plan = AssistancePlan.find("caseId", c.id).firstResult();
        if (plan != null && plan.lockedOn != null) {
            throw new ApiException(MonitoringError.PLAN_LOCKED);
        }
        if (plan != null) {
            Versions.check(plan.version, in.version());
        }
        Parsed p = parse(c, in);
        if (!p.errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, p.errors);
        }
        PlanView before = plan == null ? null : view(c);
        boolean created = plan == null;
        if (created) {
            plan = new AssistancePlan();
            plan.caseId = c.id;
            plan.householdId = c.householdId;
            plan.villageCode = c.villageCode;
            plan.createdAt = clock.now();
            plan.createdBy = user.username();
        }
        plan.responsibleOfficial = in.responsibleOfficial().strip();
        plan.responsiblePhone = Inputs.blankToNull(in.responsiblePhone());
        plan.labourWilling = Boolean.TRUE.equals(in.labourWilling());
        plan.note = Inputs.blankToNull(in.note());
        plan.extraJson = forms.toJson(p.extra);
        plan.flags = p.warnings.isEmpty() ? null : p.warnings.stream().map(Finding::message).collect(Collectors.joining("\n"));
        plan.adjustedOn = clock.today();
        plan.adjustmentRequired = false;
        plan.cluesAnsweredTo = RiskClue.getEntityManager().createQuery("select max(k.id) from RiskClue k where k.householdId = :h", Long.class)
                .setParameter("h", c.householdId).getSingleResult();
        plan.updatedAt = clock.now();
        plan.persist();
        if (!created) {
            PlanMeasure.delete("planId", plan.id);
        }
        for (PlanMeasure m : p.measures) {
            m.planId = plan.id;
            m.persist();
        }
        AssistancePlan.flush();
        cases.event(c, null, created ? "PLANNED" : "REPLANNED", "帮扶计划" + (created ? "制定" : "调整") + "：" + p.measures.size() + "项措施"
                + (p.warnings.isEmpty() ? "" : "；提示：" + String.join("；", p.warnings.stream().map(Finding::message).toList())));
        PlanView after = view(c);
        audit.record(created ? "CREATE" : "UPDATE", "assistance_plan", String.valueOf(c.id), before, after);
        return after;
    }

    /** Plans to make or re-adjust in the caller's scope, earliest due first. */
    @Transactional
    public List<PlanTask> tasks(int limit) {
        user.requireAnyRole(ClueService.readers());
        TenantInfo tenant = access.current();
        LocalDate today = clock.today();
        Due readjust = readjustDue(tenant, today).orElse(null);
        List<Object[]> rows = MonitoringCase.getEntityManager().createQuery("select c, p.adjustedOn, p.adjustmentRequired from MonitoringCase c"
                + " left join AssistancePlan p on p.caseId = c.id where c.parentCaseId is null and c.riskState = :state"
                + " and c.villageCode like :scope", Object[].class).setParameter("state", RiskState.UNRESOLVED)
                .setParameter("scope", OrgScope.likePrefix(user.orgCode())).getResultList();
        Map<Long, Long> households = new HashMap<>();
        List<PlanTask> tasks = new ArrayList<>();
        for (Object[] row : rows) {
            MonitoringCase c = (MonitoringCase) row[0];
            LocalDate adjusted = (LocalDate) row[1];
            if (adjusted == null || Boolean.TRUE.equals(row[2])) {
                tasks.add(new PlanTask(c.id, null, c.villageCode, adjusted == null ? "制定帮扶计划" : "按新情况调整帮扶计划", c.planDue,
                        c.planDueRule, Due.state(c.planDue, today)));
                households.put(c.id, c.householdId);
            } else if (readjust != null && adjusted.getYear() < today.getYear()) {
                tasks.add(new PlanTask(c.id, null, c.villageCode, "年度动态调整", readjust.date(), readjust.rule(), Due.state(readjust.date(), today)));
                households.put(c.id, c.householdId);
            }
        }
        List<PlanTask> page = tasks.stream().sorted(Comparator.comparing(PlanTask::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PlanTask::caseId)).limit(Math.min(Math.max(limit, 1), 1000)).toList();
        Map<Long, String> numbers = CaseService.householdNumbers(page.stream().map(t -> households.get(t.caseId())).distinct().toList());
        return page.stream().map(t -> t.withHouseholdNo(numbers.get(households.get(t.caseId())))).toList();
    }

    /** This year's re-adjustment deadline (assistance.plan-readjust-deadline) with its rule; empty where none is set. */
    Optional<Due> readjustDue(TenantInfo tenant, LocalDate today) {
        EffectiveParameter p = parameters.resolve(tenant.provinceId(), tenant.code(), READJUST, today.getYear());
        return p.value() == null ? Optional.empty() : Optional.of(new Due(MonthDay.parse("--" + p.value()).atYear(today.getYear()),
                p.label() + "：" + p.value() + "（" + p.citation() + "）", false));
    }

    // ---------------------------------------------------------------- helpers

    /** The household's identification case (a child case's plan is its parent's), in the caller's scope. */
    MonitoringCase monitored(long caseId) {
        MonitoringCase c = cases.visible(caseId);
        return c.parentCaseId == null ? c : MonitoringCase.findById(c.parentCaseId);
    }

    private record Parsed(List<FieldError> errors, List<Finding> warnings, List<PlanMeasure> measures, Map<String, Object> extra) {
    }

    private Parsed parse(MonitoringCase c, PlanInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            in = new PlanInput(null, null, null, null, null, null);
        }
        if (in.responsibleOfficial() == null || in.responsibleOfficial().isBlank()) {
            errors.add(new FieldError("responsibleOfficial", "请填写帮扶责任人"));
        } else if (in.responsibleOfficial().strip().length() > 64) {
            errors.add(new FieldError("responsibleOfficial", "帮扶责任人姓名过长"));
        }
        if (in.responsiblePhone() != null && !in.responsiblePhone().isBlank() && !in.responsiblePhone().strip().matches("[0-9+\\- ]{7,20}")) {
            errors.add(new FieldError("responsiblePhone", "联系电话只能包含数字和“-”，7—20位"));
        }
        TenantInfo tenant = access.current();
        Map<String, Object> extra = forms.validate(tenant.provinceId(), tenant.code(), "plan", in.extra(), "", errors);
        List<PlanMeasure> measures = new ArrayList<>();
        List<MeasureFacts> facts = new ArrayList<>();
        List<MeasureInput> given = in.measures() == null ? List.of() : in.measures();
        for (int i = 0; i < given.size(); i++) {
            MeasureInput m = given.get(i);
            String field = "measures[" + i + "]";
            List<FieldError> own = new ArrayList<>();
            MeasureType type = Inputs.required(MeasureType.class, m.type(), field + ".type", "措施类型", own);
            String risks = RiskCategory.toStored(m.risks(), field + ".risks", own);
            if (risks == null && own.stream().noneMatch(e -> e.field().equals(field + ".risks"))) {
                own.add(new FieldError(field + ".risks", "请选择该措施针对的风险"));
            }
            if (m.startOn() == null) {
                own.add(new FieldError(field + ".startOn", "请填写开始日期"));
            }
            if (m.description() != null && m.description().strip().length() > 500) {
                own.add(new FieldError(field + ".description", "措施内容不超过500字"));
            }
            errors.addAll(own);
            if (type == null || risks == null || m.startOn() == null) {
                continue;
            }
            PlanMeasure pm = new PlanMeasure();
            pm.type = type;
            pm.memberId = m.memberId();
            pm.description = m.description() == null || m.description().isBlank() ? type.label() : m.description().strip();
            pm.risks = risks;
            pm.startOn = m.startOn();
            pm.endOn = m.endOn();
            measures.add(pm);
            facts.add(new MeasureFacts(type, m.memberId(), risks(risks), m.startOn(), m.endOn()));
        }
        List<Finding> warnings = List.of();
        if (errors.isEmpty()) { // the rules see the plan once every row reads (their positions are then the rows')
            PlanRules.Outcome o = PlanRules.check(members(c), Boolean.TRUE.equals(in.labourWilling()), risks(c.riskCategories), facts);
            errors.addAll(o.errors());
            warnings = o.warnings();
        }
        return new Parsed(errors, warnings, measures, extra);
    }

    private static List<MemberFacts> members(MonitoringCase c) {
        return Member.<Member>list("householdId = ?1 and active = true", Sort.by("id"), c.householdId).stream()
                .map(m -> new MemberFacts(m.id, m.name, m.labour)).toList();
    }

    static Set<RiskCategory> risks(String stored) {
        Set<RiskCategory> set = EnumSet.noneOf(RiskCategory.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).map(RiskCategory::valueOf).forEach(set::add);
        }
        return set;
    }

    PlanView view(MonitoringCase c) {
        LocalDate today = clock.today();
        Household h = Household.findById(c.householdId);
        List<Member> members = Member.<Member>list("householdId = ?1 and active = true", Sort.by("id"), c.householdId);
        Map<Long, String> names = members.stream().collect(Collectors.toMap(m -> m.id, m -> m.name));
        List<MemberOption> options = members.stream().map(m -> new MemberOption(m.id, m.name, m.labour.label())).toList();
        AssistancePlan plan = AssistancePlan.find("caseId", c.id).firstResult();
        List<MeasureView> measures = plan == null ? List.of()
                : PlanMeasure.<PlanMeasure>list("planId", Sort.by("id"), plan.id).stream().map(m -> measureView(m, names, today)).toList();
        List<Finding> findings = plan == null || plan.flags == null ? List.of()
                : Arrays.stream(plan.flags.split("\n")).map(f -> new Finding("FLAG", f)).toList();
        Due readjust = plan != null && c.riskState == RiskState.UNRESOLVED && plan.adjustedOn.getYear() < today.getYear()
                ? readjustDue(access.current(), today).orElse(null) : null;
        boolean open = plan == null || plan.adjustmentRequired;
        return new PlanView(c.id, h.householdNo, c.villageCode, plan != null, plan == null ? null : plan.responsibleOfficial,
                plan == null ? null : plan.responsiblePhone, plan != null && plan.labourWilling, plan == null ? null : plan.note, measures,
                findings, c.planDue, c.planDueRule, open ? Due.state(c.planDue, today) : "已制定", plan == null ? null : plan.adjustedOn,
                readjust == null ? null : readjust.date(), readjust == null ? null : readjust.rule(), plan == null ? null : plan.lockedOn, c.riskState == null ? null : c.riskState.label(),
                RiskCategory.labels(c.riskCategories), options, plan == null ? 0 : plan.version,
                plan == null ? Map.of() : forms.fromJson(plan.extraJson));
    }

    private static MeasureView measureView(PlanMeasure m, Map<Long, String> names, LocalDate today) {
        String state = today.isBefore(m.startOn) ? "未开始" : m.endOn != null && today.isAfter(m.endOn) ? "已结束"
                : m.endOn != null ? "实施中（至" + m.endOn + "）" : "实施中";
        return new MeasureView(m.type.name(), m.type.label(), m.type.kind().name(), m.type.kind().label(), m.memberId,
                m.memberId == null ? null : names.getOrDefault(m.memberId, "（已减员）"), m.description, RiskCategory.labels(m.risks), m.startOn,
                m.endOn, state);
    }
}
