package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.error.Versions;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.monitoring.EliminationAssessor.Assessment;
import cn.fpjc.core.monitoring.PlanRequests.EliminationInput;
import cn.fpjc.core.monitoring.PlanRequests.Reopen;
import cn.fpjc.core.monitoring.PlanViews.EliminationView;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Risk elimination (000 一(四)): the assessment, then the elimination procedure (or, for a household with no labour at
 * all, the 兜底保障户 procedure) as a child case of the identification case; its last step marks the risk and locks the
 * plan and the incomes it was judged on. Afterwards the county can roll the elimination back (回退) or mark a new risk
 * (再标注): monitoring resumes on the same case, and everything before stays in its history.
 */
@ApplicationScoped
public class EliminationService {
    @Inject
    AppClock clock;

    @Inject
    CurrentUser user;

    /**
     * Quarkus' mapper, writing dates as [y, m, d] as the stored assessments always have (its own default is ISO text):
     * one format in the column.
     */
    private final ObjectWriter assessmentWriter;

    @Inject
    EliminationService(ObjectMapper mapper) {
        this.assessmentWriter = mapper.writer().with(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Inject
    TenantAccess access;

    @Inject
    CaseService cases;

    @Inject
    PlanService plans;

    @Inject
    EliminationAssessor assessor;

    @Inject
    AuditLog audit;

    @Transactional
    public Assessment assess(long caseId, EliminationInput in) {
        MonitoringCase c = assessable(caseId);
        return assessor.assess(c, in == null ? null : in.rigidExpensesResolved(), in == null ? null : in.rigidExpensesNote());
    }

    /** Opens the elimination (or 兜底保障户) procedure when every condition is met; otherwise says which fail. */
    @Transactional
    public EliminationView start(long caseId, EliminationInput in) {
        user.requireAnyRole(ClueService.STAFF);
        if (in == null) {
            in = new EliminationInput(null, null, null);
        }
        MonitoringCase c = assessable(caseId);
        Assessment a = assessor.assess(c, in.rigidExpensesResolved(), in.rigidExpensesNote());
        if (!a.allMet()) {
            throw new ApiException(MonitoringError.ELIMINATION_CONDITIONS_UNMET, String.join("；", a.conditions().stream().filter(x -> !x.met())
                    .map(x -> x.label() + "：" + x.explanation()).toList()));
        }
        LocalDate today = clock.today();
        LocalDate started = in.startedOn() == null ? today : in.startedOn();
        if (started.isAfter(today) || started.isBefore(c.riskStateOn)) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("startedOn",
                    "村级研究日期应在" + c.riskStateOn + "（识别或最近一次标注）与今天之间")));
        }
        Household h = Household.findById(c.householdId);
        MonitoringCase child = cases.createCase(access.current(), h, a.procedureId(), c, c.monitoringType, c.riskCategories, started,
                x -> x.assessmentJson = json(a));
        cases.event(child, null, "OPENED", "评估符合条件，启动" + a.procedureLabel() + "程序");
        cases.event(c, null, "ASSESSED", "风险消除评估符合条件，启动" + a.procedureLabel() + "程序（案件 " + child.id + "）");
        MonitoringCase.flush();
        audit.record("OPEN", "monitoring_case", String.valueOf(child.id), null, Map.of("procedure", a.procedureId(), "parent", c.id));
        return new EliminationView(a, cases.view(child));
    }

    /** 回退: the elimination (or protection) did not hold; monitoring resumes, the plan is open again and falls due anew. */
    @Transactional
    public CaseViews.CaseView rollback(long caseId, Reopen in) {
        MonitoringCase c = reopenable(caseId, in);
        RiskState was = c.riskState;
        reopen(c);
        cases.event(c, null, "ROLLED_BACK", "回退（原" + was.label() + "）：" + in.reason().strip());
        MonitoringCase.flush();
        audit.record("ROLLBACK", "monitoring_case", String.valueOf(c.id), Map.of("riskState", was.name()), Map.of("reason", in.reason().strip()));
        return cases.view(c);
    }

    /** 再标注: a new risk after elimination; the new categories replace the old (kept in the history). */
    @Transactional
    public CaseViews.CaseView remark(long caseId, Reopen in) {
        MonitoringCase c = reopenable(caseId, in);
        if (c.riskState != RiskState.ELIMINATED) {
            throw new ApiException(MonitoringError.CASE_TRANSITION_INVALID, "只有风险已消除的监测户可以再标注新风险");
        }
        List<FieldError> errors = new ArrayList<>();
        String categories = RiskCategory.toStored(in.riskCategories(), errors);
        if (categories == null && errors.isEmpty()) {
            errors.add(new FieldError("riskCategories", "请选择新出现的风险类别"));
        }
        ApiException.refuseIfAny(errors);
        String before = String.join("、", RiskCategory.labels(c.riskCategories));
        c.riskCategories = categories;
        reopen(c);
        cases.event(c, null, "REMARKED", "再标注风险：" + String.join("、", RiskCategory.labels(categories)) + "（原：" + before + "）；"
                + in.reason().strip());
        MonitoringCase.flush();
        audit.record("REMARK", "monitoring_case", String.valueOf(c.id), Map.of("riskCategories", before),
                Map.of("riskCategories", categories, "reason", in.reason().strip()));
        return cases.view(c);
    }

    private void reopen(MonitoringCase c) {
        LocalDate today = clock.today();
        c.riskState = RiskState.UNRESOLVED;
        c.riskStateOn = today;
        cases.planFallsDue(access.current(), c, today);
        AssistancePlan plan = AssistancePlan.find("caseId", c.id).firstResult();
        if (plan != null) {
            plan.lockedOn = null;
            plan.adjustmentRequired = true;
        }
    }

    private MonitoringCase reopenable(long caseId, Reopen in) {
        user.requireAnyRole(Roles.COUNTY_APPROVER);
        MonitoringCase c = plans.monitored(caseId);
        if (in == null || in.reason() == null || in.reason().strip().length() < 4) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("reason", "请写明原因（不少于4个字）")));
        }
        Versions.check(c.version, in.version());
        if (c.riskState != RiskState.ELIMINATED && c.riskState != RiskState.BASIC_PROTECTION) {
            throw new ApiException(MonitoringError.CASE_TRANSITION_INVALID, "该户" + (c.riskState == null ? "尚未识别认定" : c.riskState.label())
                    + "，没有可回退的标注");
        }
        return c;
    }

    /**
     * Why the case cannot be assessed yet (not yet identified, already eliminated, the identification procedure not yet
     * completed), or empty when it can: pages say so before anyone presses 评估.
     */
    @Transactional
    public java.util.Optional<String> notAssessable(long caseId) {
        try {
            assessable(caseId);
            return java.util.Optional.empty();
        } catch (ApiException e) {
            if (e.code() != MonitoringError.CASE_TRANSITION_INVALID) {
                throw e;
            }
            return java.util.Optional.of(e.humanMessage());
        }
    }

    private MonitoringCase assessable(long caseId) {
        MonitoringCase c = plans.monitored(caseId);
        if (c.riskState != RiskState.UNRESOLVED) {
            throw new ApiException(MonitoringError.CASE_TRANSITION_INVALID, c.riskState == null ? "该户尚未识别认定" : "该户" + c.riskState.label());
        }
        if (c.status != CaseStatus.COMPLETED) {
            throw new ApiException(MonitoringError.CASE_TRANSITION_INVALID, "识别程序的信息录入尚未办结");
        }
        return c;
    }

    private String json(Object o) {
        try {
            return assessmentWriter.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
