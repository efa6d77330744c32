package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.files.Scans;
import cn.fpjc.core.platform.error.Versions;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.registry.RegistryError;

import cn.fpjc.core.platform.text.Inputs;
import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.calendar.Due;
import cn.fpjc.core.platform.calendar.WorkingDayCalendar;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.monitoring.CaseRequests.Batch;
import cn.fpjc.core.monitoring.CaseRequests.CompleteStep;
import cn.fpjc.core.monitoring.CaseRequests.Decision;
import cn.fpjc.core.monitoring.CaseRequests.NoticePeriod;
import cn.fpjc.core.monitoring.CaseRequests.OpenCase;
import cn.fpjc.core.monitoring.CaseViews.BatchResult;
import cn.fpjc.core.monitoring.CaseViews.CaseView;
import cn.fpjc.core.monitoring.CaseViews.EventView;
import cn.fpjc.core.monitoring.CaseViews.InboxItem;
import cn.fpjc.core.monitoring.CaseViews.StepView;
import cn.fpjc.core.policy.form.FormExtensions;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.procedure.EffectiveProcedures;
import cn.fpjc.core.policy.procedure.EffectiveProcedures.ResolvedDeadline;
import cn.fpjc.core.policy.procedure.EffectiveProcedures.ResolvedProcedure;
import cn.fpjc.core.policy.procedure.EffectiveProcedures.ResolvedStep;
import cn.fpjc.core.policy.procedure.ProcedureDefinition;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.HouseholdCategoryCommand;
import cn.fpjc.core.registry.Member;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.registry.Relation;
import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The identification procedure (识别纳入, DOMAIN.md §2; 000 一(二)3, 001 第三部分一(二)2, 002 附件2 §4) as a state machine
 * over the county's effective step list: each step is done by its role, in its org scope, with its evidence; its clocks
 * start when the step they count from is done (the 15-day clock from the clue, the 10-day entry clock from the county's
 * approval, the notice's minimum 5 days from the review), on the working-day calendar. Township and county can return a
 * case to the step before, the county can reject it, and both can decide many cases at once.
 */
@ApplicationScoped
public class CaseService {
    @Inject
    cn.fpjc.core.platform.tx.DeadlockRetry retry;

    @Inject
    AppClock clock;

    static final String IDENTIFICATION = "identification";
    /** A step that asks for this evidence is done only once the household's plan is saved (Minqin's 制定“一户一策”). */
    static final String PLAN_EVIDENCE = "帮扶计划";
    static final String[] STEP_DOERS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER, Roles.VILLAGE_CLERK,
            Roles.RESPONSIBLE_OFFICIAL };
    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper mapper;

    @Inject
    TenantAccess access;

    @Inject
    EffectiveProcedures procedures;

    @Inject
    EffectiveParameters parameters;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    AuditLog audit;

    @Inject
    EliminationAssessor assessor;

    @Inject
    HouseholdCategoryCommand householdCategories;

    @Inject
    FormExtensions forms;

    // ---------------------------------------------------------------- opening

    @Transactional
    public CaseView open(OpenCase in) {
        user.requireAnyRole(ClueService.STAFF);
        TenantInfo tenant = access.current();
        List<FieldError> errors = new ArrayList<>();
        MonitoringType type = Inputs.required(MonitoringType.class, in.monitoringType(), "monitoringType", "监测对象类型", errors);
        String categories = RiskCategory.toStored(in.riskCategories(), errors);
        if (categories == null) {
            errors.add(new FieldError("riskCategories", "请至少选择一个风险类别"));
        }
        RiskClue clue = null;
        Long householdId = in.householdId();
        LocalDate started = in.startedOn();
        if (in.clueId() != null) {
            clue = RiskClue.findById(in.clueId());
            if (clue == null || !OrgScope.covers(user.orgCode(), clue.villageCode)) {
                throw new ApiException(PlatformError.NOT_FOUND, "线索");
            }
            if (clue.status == ClueStatus.CASE_OPENED) { // its case is under way (approval or rejection moves the clue on)
                Household of = clue.householdId == null ? null : Household.findById(clue.householdId);
                throw new ApiException(MonitoringError.CASE_ALREADY_OPEN, of == null ? clue.trackingNo : of.householdNo);
            }
            if (clue.status != ClueStatus.RISK_CONFIRMED) {
                errors.add(new FieldError("clueId", "只有“" + ClueStatus.RISK_CONFIRMED.label() + "”的线索可以启动识别程序"));
            }
            if (clue.householdId == null) {
                errors.add(new FieldError("clueId", clue.registryMatch == RegistryMatch.NAME_MISMATCH
                        ? "该线索的姓名与登记不符，未关联农户；请核实后按登记的姓名重新录入线索" : "该线索的人员不在本县农户信息中，请先登记农户"));
            }
            householdId = clue.householdId;
            started = clue.reportedOn;
        }
        LocalDate today = clock.today();
        if (started == null) {
            started = today;
        } else if (started.isAfter(today)) {
            errors.add(new FieldError("startedOn", "发现日期不能晚于今天"));
        }
        String extra = forms.toJson(forms.validate(tenant.provinceId(), tenant.code(), "case", in.extra(), "", errors));
        ApiException.refuseIfAny(errors);
        Household h = householdId == null ? null : Household.findById(householdId);
        if (h == null || !OrgScope.covers(user.orgCode(), h.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND, "农户");
        }
        if (!h.active) {
            throw new ApiException(RegistryError.HOUSEHOLD_CLOSED, h.householdNo);
        }
        if (MonitoringCase.count("householdId = ?1 and riskState is not null", h.id) > 0) {
            throw new ApiException(MonitoringError.HOUSEHOLD_ALREADY_MONITORED, h.householdNo);
        }
        MonitoringCase c = createCase(tenant, h, IDENTIFICATION, null, type, categories, started, c0 -> {
            c0.clueId = in.clueId();
            c0.greenChannel = Boolean.TRUE.equals(in.greenChannel());
            c0.extraJson = extra;
        });
        if (clue != null) {
            clue.status = ClueStatus.CASE_OPENED; // a clue starts one case; it then follows that case
        }
        event(c, null, "OPENED", (clue == null ? "" : "线索 " + clue.trackingNo + "；") + type.label() + (c.greenChannel ? "；绿色通道" : ""));
        MonitoringCase.flush();
        CaseView v = view(c);
        audit.record("OPEN", "monitoring_case", String.valueOf(c.id), null, Map.of("household", h.householdNo, "type", type.name()));
        return v;
    }

    /**
     * Opens a case of {@code procedureId} for a household on {@code started}: the county's effective step list is copied
     * into it and the clocks counting from the start begin. A child case (elimination, 兜底保障户) belongs to its parent.
     */
    MonitoringCase createCase(TenantInfo tenant, Household h, String procedureId, MonitoringCase parent, MonitoringType type,
            String categories, LocalDate started, java.util.function.Consumer<MonitoringCase> more) {
        // Names the household in the common case; two requests at once both pass this, and the unique key
        // uk_case_open_household (monitoring changelog) refuses the second insert with the same code.
        if (MonitoringCase.count("householdId = ?1 and status = ?2", h.id, CaseStatus.IN_PROGRESS) > 0) {
            throw new ApiException(MonitoringError.CASE_ALREADY_OPEN, h.householdNo);
        }
        ResolvedProcedure p = procedures.resolve(tenant.provinceId(), tenant.code(), procedureId, started.getYear());
        MonitoringCase c = new MonitoringCase();
        c.householdId = h.id;
        c.villageCode = h.villageCode;
        c.procedureId = p.id();
        c.parentCaseId = parent == null ? null : parent.id;
        c.monitoringType = type;
        c.riskCategories = categories;
        more.accept(c);
        c.status = CaseStatus.IN_PROGRESS;
        c.startedOn = started;
        c.createdAt = clock.now();
        c.createdBy = user.username();
        c.currentStep = p.steps().get(0).id();
        c.persist();
        int seq = 0;
        for (ResolvedStep s : p.steps()) {
            CaseStep st = new CaseStep();
            st.caseId = c.id;
            st.stepId = s.id();
            st.seq = seq++;
            st.label = s.label();
            st.role = s.role();
            st.evidenceRequired = String.join("\n", s.evidence());
            st.persist();
        }
        startClocks(tenant, c, p, "start", started);
        syncCurrent(c);
        return c;
    }

    // ---------------------------------------------------------------- transitions

    @Transactional
    public CaseView complete(long caseId, CompleteStep in) {
        // Staff decide cases; a responsible official does only the steps given to that role (Minqin: the plan step).
        user.requireAnyRole(STEP_DOERS);
        MonitoringCase c = visible(caseId);
        checkVersion(c, in.version());
        completeCurrent(c, in.stepId(), in.evidence(), in.note(), in.completedOn());
        return view(c);
    }

    private void completeCurrent(MonitoringCase c, String stepId, Map<String, String> evidence, String note, LocalDate completedOn) {
        TenantInfo tenant = access.current();
        CaseStep step = current(c, stepId);
        requireStepRole(step);
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> given = new LinkedHashMap<>();
        for (String item : required(step)) {
            if (NoticeService.NOTICE_EVIDENCE.equals(item)) {
                // The notice's dates are the ones set when it went up (or given here as a range, then checked the same way).
                String typed = evidence == null ? null : evidence.get(item);
                if (step.noticeFrom == null && typed != null && !typed.isBlank()) {
                    LocalDate[] range = NoticePeriods.parse(typed);
                    if (range == null) {
                        errors.add(new FieldError("evidence." + item, "「" + item + "」应为两个日期，如 2024-10-10 至 2024-10-14"));
                        continue;
                    }
                    try {
                        noticePeriod(c, step, range[0], range[1]);
                    } catch (ApiException e) {
                        if (e.fieldErrors() == null || e.fieldErrors().isEmpty()) {
                            throw e; // not about the dates (the role, a parameter not set): as it is
                        }
                        e.fieldErrors().forEach(f -> errors.add(new FieldError("evidence." + item, f.message())));
                        continue;
                    }
                }
                if (step.noticeFrom == null) {
                    errors.add(new FieldError("evidence." + item, "请先设定公示起止日期（公示张贴之日起，不少于规定天数）"));
                } else {
                    given.put(item, step.noticeFrom + " 至 " + step.noticeTo);
                }
                continue;
            }
            String text = evidence == null ? null : evidence.get(item);
            if ((text == null || text.isBlank()) && conditional(item)) {
                continue; // asked only when it applies (e.g. 告知书 when the household does not qualify)
            }
            if (text == null || text.isBlank()) {
                errors.add(new FieldError("evidence." + item, "请填写「" + item + "」"));
            } else {
                given.put(item, text.strip());
            }
        }
        if (required(step).contains(PLAN_EVIDENCE) && AssistancePlan.count("caseId", c.parentCaseId == null ? c.id : c.parentCaseId) == 0) {
            errors.add(new FieldError("evidence." + PLAN_EVIDENCE, "请先在“帮扶计划”页保存本户的一户一策，再办结本步"));
        }
        LocalDate today = clock.today();
        LocalDate on = completedOn == null ? today : completedOn;
        LocalDate previous = CaseStep.<CaseStep>find("caseId = ?1 and completedOn is not null", Sort.descending("seq"), c.id)
                .firstResultOptional().map(s -> s.completedOn).orElse(c.startedOn);
        if (on.isAfter(today) || on.isBefore(previous)) {
            errors.add(new FieldError("completedOn", "办理日期应在" + previous + "（上一步）与今天之间"));
        }
        if (step.earliestOn != null && on.isBefore(step.earliestOn)) {
            errors.add(new FieldError("completedOn", step.earliestRule + "，" + step.earliestOn + "之前不能办结本步"));
        }
        if (step.noticeFrom != null && on.isBefore(step.noticeFrom)) {
            errors.add(new FieldError("completedOn", "公示自" + step.noticeFrom + "起，之前不能办结本步"));
        }
        ApiException.refuseIfAny(errors);
        step.completedOn = on;
        step.completedBy = user.username();
        step.evidenceJson = json(given);
        step.note = note == null || note.isBlank() ? null : note.strip();
        List<CaseStep> steps = steps(c);
        // The county's decision (审定) is its first step in the procedure; a later one (系统标注) only records it.
        int approval = steps.stream().filter(s -> Roles.COUNTY_APPROVER.equals(s.role)).mapToInt(s -> s.seq).min().orElse(-1);
        if (step.seq == approval && c.approvedOn == null) {
            c.approvedOn = on; // 识别时间 = 县级审定时间
            if (c.parentCaseId == null) {
                monitoringBegins(tenant, c, on);
                clueFollows(c, ClueStatus.INCLUDED);
            }
        }
        CaseStep next = steps.stream().filter(s -> s.seq == step.seq + 1).findFirst().orElse(null);
        c.currentStep = next == null ? null : next.stepId;
        if (next == null) {
            c.status = CaseStatus.COMPLETED;
            if (c.parentCaseId != null) {
                childCompleted(c, on);
            }
        }
        ResolvedProcedure p = procedures.resolve(tenant.provinceId(), tenant.code(), c.procedureId, c.startedOn.getYear());
        startClocks(tenant, c, p, step.stepId, on);
        if (next != null && step.noticeTo != null && (next.earliestOn == null || !next.earliestOn.isAfter(step.noticeTo))) {
            // In every procedure variant the step after a 公示 waits for it to end (Minqin's 评议和公示 → 乡镇初审 included).
            next.earliestOn = step.noticeTo.plusDays(1);
            next.earliestRule = "「" + step.label + "」的公示期至" + step.noticeTo + "，期满后方可办理";
        }
        syncCurrent(c);
        event(c, step.stepId, "COMPLETED", step.note);
        MonitoringCase.flush();
        audit.record("COMPLETE_STEP", "monitoring_case", String.valueOf(c.id), null, Map.of("step", step.stepId, "on", on.toString()));
    }

    /**
     * The 公示 of the current step goes up (the step must ask for its dates): from no earlier than the step before was
     * done, lasting at least the province's notice days (both ends counted). Printed as is; the next step waits for its end.
     */
    @Transactional
    public CaseView setNoticePeriod(long caseId, NoticePeriod in) {
        user.requireAnyRole(ClueService.STAFF);
        MonitoringCase c = visible(caseId);
        checkVersion(c, in == null ? null : in.version());
        CaseStep step = current(c, null);
        noticePeriod(c, step, in.from(), in.to());
        MonitoringCase.flush();
        return view(c);
    }

    private void noticePeriod(MonitoringCase c, CaseStep step, LocalDate from, LocalDate to) {
        requireStepRole(step);
        if (!holdsNotice(step)) {
            throw new ApiException(MonitoringError.CASE_TRANSITION_INVALID, "「" + step.label + "」不是公示环节");
        }
        List<FieldError> errors = new ArrayList<>();
        if (from == null || to == null || to.isBefore(from)) {
            ApiException.refuseIfAny(List.of(new FieldError("from", "请填写公示起止日期（止日不早于起日）")));
        }
        LocalDate previous = CaseStep.<CaseStep>find("caseId = ?1 and completedOn is not null and seq < ?2", Sort.descending("seq"), c.id, step.seq)
                .firstResultOptional().map(s -> s.completedOn).orElse(c.startedOn);
        if (from.isBefore(previous)) {
            errors.add(new FieldError("from", "公示不能早于上一步的办理日期（" + previous + "）"));
        }
        if (from.isAfter(clock.today().plusDays(30)) || to.isAfter(from.plusDays(60))) {
            errors.add(new FieldError("to", "公示起止日期不合理（起日最迟为30天后，公示不超过60天）"));
        }
        TenantInfo tenant = access.current();
        EffectiveParameter days = parameters.resolve(tenant.provinceId(), tenant.code(), NoticePeriods.DAYS_KEY, from.getYear());
        if (days.value() == null) {
            throw new ApiException(cn.fpjc.core.policy.PolicyError.PARAMETER_NOT_SET, "「" + days.label() + "」未设定，不能确定公示天数");
        }
        long length = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        if (length < Long.parseLong(days.value().strip())) {
            errors.add(new FieldError("to", "公示 " + length + " 天，" + days.label() + "不少于 " + days.value().strip() + " 天（依据："
                    + days.citation() + "）"));
        }
        ApiException.refuseIfAny(errors);
        step.noticeFrom = from;
        step.noticeTo = to;
        event(c, step.stepId, "NOTICE", "公示期 " + from + " 至 " + to);
        audit.record("NOTICE_PERIOD", "monitoring_case", String.valueOf(c.id), null, Map.of("step", step.stepId, "from", from.toString(),
                "to", to.toString()));
    }

    /**
     * A scanned document kept with a step's evidence, by the step's role, for the current step or one already done: the
     * signed record of a meeting, the photographed 公示. JPEG, PNG or PDF by its bytes, at most 5 MB.
     */
    @Transactional
    public CaseViews.ScanView addScan(long caseId, String stepId, CaseRequests.ScanUpload in) {
        user.requireAnyRole(STEP_DOERS);
        MonitoringCase c = visible(caseId);
        CaseStep step = stepId == null ? null : CaseStep.<CaseStep>find("caseId = ?1 and stepId = ?2", c.id, stepId).firstResult();
        if (step == null) {
            throw new ApiException(PlatformError.NOT_FOUND, "步骤 " + stepId);
        }
        requireStepRole(step);
        if (step.completedOn == null && !step.stepId.equals(c.currentStep)) {
            throw new ApiException(MonitoringError.CASE_TRANSITION_INVALID, "「" + step.label + "」尚未开始，不能上传材料");
        }
        List<FieldError> errors = new ArrayList<>();
        Scans.Scan scan = in == null ? null : Scans.read(in.contentBase64(), in.name(), "contentBase64", errors, MonitoringError.ATTACHMENT_INVALID);
        if (scan == null && errors.isEmpty()) {
            errors.add(new FieldError("contentBase64", "请选择扫描件（JPG、PNG或PDF，不超过5MB）"));
        }
        ApiException.refuseIfAny(errors);
        CaseStepScan s = new CaseStepScan();
        s.caseId = c.id;
        s.stepId = step.stepId;
        s.name = scan.name();
        s.contentType = scan.type();
        s.bytes = scan.bytes();
        s.sizeBytes = scan.bytes().length;
        s.createdAt = clock.now();
        s.createdBy = user.username();
        s.persist();
        CaseStepScan.flush();
        event(c, step.stepId, "SCANNED", "上传材料：" + s.name);
        audit.record("ADD_SCAN", "monitoring_case", String.valueOf(c.id), null, Map.of("step", step.stepId, "name", s.name,
                "type", s.contentType, "bytes", s.sizeBytes));
        return new CaseViews.ScanView(s.id, s.stepId, s.name, s.contentType, s.sizeBytes, s.createdAt, s.createdBy);
    }

    /** One scan of a case the caller sees: name, type and bytes. */
    @Transactional
    public Scans.Scan scan(long caseId, long scanId) {
        MonitoringCase c = visible(caseId);
        CaseStepScan s = CaseStepScan.findById(scanId);
        if (s == null || !s.caseId.equals(c.id)) {
            throw new ApiException(PlatformError.NOT_FOUND, "材料 " + scanId);
        }
        return new Scans.Scan(s.name, s.contentType, s.bytes);
    }

    /** The scans of a case by step, without their bytes. */
    private Map<String, List<CaseViews.ScanView>> scansOf(long caseId) {
        Map<String, List<CaseViews.ScanView>> byStep = new java.util.HashMap<>();
        for (Object[] r : CaseStepScan.getEntityManager().createQuery("select s.id, s.stepId, s.name, s.contentType, s.sizeBytes, s.createdAt, "
                + "s.createdBy from CaseStepScan s where s.caseId = :c order by s.id", Object[].class).setParameter("c", caseId).getResultList()) {
            byStep.computeIfAbsent((String) r[1], k -> new ArrayList<>()).add(new CaseViews.ScanView((Long) r[0], (String) r[1], (String) r[2],
                    (String) r[3], (Integer) r[4], (java.time.Instant) r[5], (String) r[6]));
        }
        return byStep;
    }

    static boolean holdsNotice(CaseStep s) {
        return required(s).contains(NoticeService.NOTICE_EVIDENCE);
    }

    private java.util.Optional<Integer> noticeDays(MonitoringCase c) {
        TenantInfo tenant = access.current();
        EffectiveParameter days = parameters.resolve(tenant.provinceId(), tenant.code(), NoticePeriods.DAYS_KEY, c.startedOn.getYear());
        return days.value() == null ? java.util.Optional.empty() : java.util.Optional.of(Integer.parseInt(days.value().strip()));
    }

    /** Sends the case back one step: the step before becomes current again and must be done anew. */
    @Transactional
    public CaseView returnToPrevious(long caseId, Decision in) {
        user.requireAnyRole(ClueService.STAFF); // officials and departments read cases, never decide them
        MonitoringCase c = visible(caseId);
        checkVersion(c, in.version());
        returnCurrent(c, in.reason());
        return view(c);
    }

    private void returnCurrent(MonitoringCase c, String reason) {
        CaseStep step = current(c, null);
        requireStepRole(step);
        if (reason == null || reason.strip().length() < 2) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("reason", "请填写退回原因")));
        }
        CaseStep previous = CaseStep.<CaseStep>find("caseId = ?1 and seq = ?2", c.id, step.seq - 1).firstResult();
        if (previous == null) {
            throw new ApiException(MonitoringError.CASE_TRANSITION_INVALID, "第一步不能退回");
        }
        previous.completedOn = null;
        previous.completedBy = null;
        previous.evidenceJson = null;
        previous.noticeFrom = null; // a returned 公示 goes up again with its own dates
        previous.noticeTo = null;
        c.currentStep = previous.stepId;
        syncCurrent(c);
        event(c, step.stepId, "RETURNED", "退回「" + previous.label + "」：" + reason.strip());
        MonitoringCase.flush();
        audit.record("RETURN", "monitoring_case", String.valueOf(c.id), null, Map.of("from", step.stepId, "to", previous.stepId));
    }

    /** The county decides not to include the household; the reasons go into the 告知书. */
    @Transactional
    public CaseView reject(long caseId, Decision in) {
        user.requireAnyRole(ClueService.STAFF); // officials and departments read cases, never decide them
        MonitoringCase c = visible(caseId);
        checkVersion(c, in.version());
        CaseStep step = current(c, null);
        requireStepRole(step);
        if (!Roles.COUNTY_APPROVER.equals(step.role)) {
            throw new ApiException(MonitoringError.CASE_TRANSITION_INVALID, "只有县级审定时可以决定不予纳入");
        }
        if (in.reason() == null || in.reason().strip().length() < 4) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("reason", "请写明不予纳入的理由（将写入告知书）")));
        }
        c.status = CaseStatus.REJECTED;
        c.rejectionReason = in.reason().strip();
        clueFollows(c, ClueStatus.NOT_INCLUDED);
        c.currentStep = null;
        syncCurrent(c);
        event(c, step.stepId, "REJECTED", c.rejectionReason);
        MonitoringCase.flush();
        audit.record("REJECT", "monitoring_case", String.valueOf(c.id), null, Map.of("reason", c.rejectionReason));
        return view(c);
    }

    /** Many cases at once; each is decided on its own (one refusal does not undo the others) and reported. */
    public List<BatchResult> batch(Batch in) {
        user.requireAnyRole(ClueService.STAFF); // officials and departments read cases, never decide them
        if (in == null || in.caseIds() == null || in.caseIds().isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("caseIds", "请选择案件")));
        }
        boolean approve = "COMPLETE".equalsIgnoreCase(in.action());
        boolean notice = "NOTICE_PERIOD".equalsIgnoreCase(in.action());
        if (!approve && !notice && !"RETURN".equalsIgnoreCase(in.action())) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("action",
                    "action 为 COMPLETE（办结本步）、RETURN（退回）或 NOTICE_PERIOD（开始公示：noticeFrom、noticeTo）")));
        }
        List<BatchResult> results = new ArrayList<>();
        for (Long id : in.caseIds().stream().distinct().toList()) {
            String[] name = new String[2]; // 户编号 and 户主, once the case is known to be the caller's to see
            try {
                // Each case in its own transaction, run again if rolled back as a deadlock (on Galera: a certification conflict).
                retry.run("CaseService.batch", () -> QuarkusTransaction.requiringNew().call(() -> {
                    MonitoringCase c = visible(id);
                    name[0] = householdNumbers(List.of(c.householdId)).get(c.householdId);
                    name[1] = headNames(List.of(c.householdId)).get(c.householdId);
                    if (approve) {
                        completeCurrent(c, in.stepId(), in.evidenceFor(id), null, null);
                    } else if (notice) {
                        noticePeriod(c, current(c, in.stepId()), in.noticeFrom(), in.noticeTo());
                        MonitoringCase.flush();
                    } else {
                        returnCurrent(c, in.reason());
                    }
                    return null;
                }));
                results.add(new BatchResult(id, name[0], name[1], true, approve ? "已办结本步" : notice ? "已开始公示（" + in.noticeFrom() + " 至 " + in.noticeTo() + "）" : "已退回"));
            } catch (ApiException e) {
                results.add(new BatchResult(id, name[0], name[1], false, e.humanMessage() + (e.fieldErrors() == null || e.fieldErrors().isEmpty() ? ""
                        : "：" + String.join("；", e.fieldErrors().stream().map(FieldError::message).toList()))));
            }
        }
        return results;
    }

    // ---------------------------------------------------------------- reads

    @Transactional
    public CaseView get(long caseId) {
        return view(visible(caseId));
    }

    /**
     * Current steps the caller's roles perform in the caller's scope, earliest due first (undated last), then by village.
     * One statement, in autocommit when the caller has no transaction: a transaction adds three round trips
     * (SET autocommit=0, COMMIT, SET autocommit=1) that a single read does not need (issue 17). SUPPORTS, not
     * NOT_SUPPORTED: the home page's transaction (MonitoringOverview.work) is joined, not suspended, so that request keeps
     * one connection and its counts and inbox read the same snapshot.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InboxItem> inbox(int limit) {
        user.requireAnyRole(ClueService.readers());
        // One native statement (MariaDB runs a derived table with ORDER BY and LIMIT; HQL renders it with a column list
        // MariaDB 10 does not read). The derived table takes the page's case ids from the inbox index alone
        // (status, current_step_role, current_due, village_code): its order (due, village, id) is the index's, so MariaDB
        // reads the page's entries and stops. The page's columns then come from the case (its current step's label and
        // evidence are copied there by syncCurrent: joined from case_step they were 0.9 ms of the clerk's 3.3 ms page; a
        // copy made for another step, left by a replica of the release before during a rolling upgrade, is read from
        // case_step instead), by primary and unique keys (户编号, village name), and the 户主 from the household row (head_name, kept by the registry's
        // writes). Only where that is null (no active head, or not set yet: a household of the release before, until
        // HeadNameRepairJob's first night) does the registry's subquery read the first active head from
        // ix_member_household_active: MariaDB's COALESCE evaluates it only then.
        // Issue 17: read as pairs in two more statements, the 户主 took a fifth of the app's time for an inbox; as a
        // subquery per line, about 45% of the statement's time in mariadb-slap. (For a user with several roles, MariaDB sorts those roles' open cases instead: still
        // right, not as cheap.) Issue 17: ordered by (due, id), MariaDB read and sorted every open
        // case (40 ms with 20,000 of them); asked for the columns in one flat statement, it chose ix_case_due and read
        // each case's row to check the role; and the page loaded as entities held a core for 20-40 ms a request.
        // A village user's scope is one village: as an equality MariaDB reads it from ix_case_inbox_village (status, role,
        // village, due), where the page is the village's first entries in the inbox's order. In ix_case_inbox the village
        // is a filter over every village's cases of the role: the demo clerk's page read 14,286 entries to find 200
        // (mariadb-slap, 16 connections: the page's ids 1,456 → 3,680 q/s, the whole statement 419-523 → 558-779 q/s).
        String org = user.orgCode();
        boolean village = OrgScope.isVillage(org);
        List<?> rows = MonitoringCase.getEntityManager().createNativeQuery("SELECT c.id, h.household_no, c.household_id,"
                + " c.village_code, o.name, c.monitoring_type, c.current_step, c.current_step_label, c.current_step_evidence,"
                + " c.current_due, c.green_channel,"
                + " COALESCE(h.head_name, " + RegistryService.HEAD_NAME_OF_H + "), c.current_step_copy_of"
                + " FROM (SELECT id, current_due, village_code FROM monitoring_case WHERE status = :status AND current_step_role IN (:roles)"
                + (village ? " AND village_code = :scope" : " AND village_code LIKE :scope")
                + " ORDER BY current_due, village_code, id LIMIT :size) page"
                + " JOIN monitoring_case c ON c.id = page.id JOIN household h ON h.id = c.household_id LEFT JOIN org_unit o ON o.code = c.village_code"
                + " ORDER BY page.current_due, page.village_code, page.id", Object[].class)
                .setParameter("status", CaseStatus.IN_PROGRESS.name())
                .setParameter("roles", user.roles().isEmpty() ? List.of("-") : List.copyOf(user.roles()))
                .setParameter("scope", village ? org : OrgScope.likePrefix(org)).setParameter("size", Math.min(Math.max(limit, 1), 500))
                .getResultList();
        Map<Long, Map<String, CaseStep>> stale = stepsOf(rows.stream().map(row -> (Object[]) row)
                .filter(r -> !java.util.Objects.equals(r[6], r[12])).map(r -> ((Number) r[0]).longValue()).toList());
        LocalDate today = clock.today();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            // The row of the very step this line shows (read outside a transaction, the case may have moved since).
            CaseStep step = stale.getOrDefault(id, Map.of()).get((String) r[6]);
            LocalDate stored = localDate(r[9]);
            LocalDate due = MonitoringCase.NO_DUE.equals(stored) ? null : stored;
            return new InboxItem(id, (String) r[1], (String) r[11], (String) r[3], (String) r[4],
                    MonitoringType.valueOf((String) r[5]).label(), (String) r[6], step == null ? (String) r[7] : step.label,
                    evidenceItems(step == null ? (String) r[8] : step.evidenceRequired), due, Due.state(due, today),
                    r[10] instanceof Boolean b ? b : ((Number) r[10]).intValue() != 0);
        }).toList();
    }

    /** Every step of each case, by step id. */
    private static Map<Long, Map<String, CaseStep>> stepsOf(List<Long> ids) {
        Map<Long, Map<String, CaseStep>> steps = new java.util.HashMap<>();
        InLists.list(CaseStep.getEntityManager(), "from CaseStep where caseId in :keys", CaseStep.class, ids)
                .forEach(st -> steps.computeIfAbsent(st.caseId, k -> new java.util.HashMap<>()).put(st.stepId, st));
        return steps;
    }

    /** The current step of each case: only those rows. */
    static Map<Long, CaseStep> currentSteps(List<MonitoringCase> cases) {
        Map<Long, CaseStep> current = new java.util.HashMap<>();
        InLists.list(CaseStep.getEntityManager(), "select s from CaseStep s, MonitoringCase c where s.caseId = c.id"
                + " and s.stepId = c.currentStep and c.id in :keys", CaseStep.class, cases.stream().map(c -> c.id).toList())
                .forEach(st -> current.put(st.caseId, st));
        return current;
    }

    /** The data of the 告知书 for a case the county rejected. */
    @Transactional
    public CaseViews.RejectionNotice rejectionNotice(long caseId) {
        MonitoringCase c = visible(caseId);
        if (c.status != CaseStatus.REJECTED) {
            throw new ApiException(MonitoringError.CASE_TRANSITION_INVALID, "只有不予纳入的案件有告知书");
        }
        Member head = Member.<Member>find("householdId = ?1 and relation = ?2 and active = true", c.householdId, Relation.HEAD)
                .firstResult();
        CaseEvent decided = CaseEvent.<CaseEvent>find("caseId = ?1 and action = 'REJECTED'", Sort.descending("id"), c.id).firstResult();
        Household h = Household.findById(c.householdId);
        return new CaseViews.RejectionNotice(c.id, h.householdNo, c.villageCode, head == null ? null : head.name,
                head == null ? null : head.idMasked, c.startedOn,
                decided == null ? null : LocalDate.ofInstant(decided.occurredAt, AppClock.CHINA), c.rejectionReason);
    }

    /** Every current step past its due date in the caller's scope, whoever's it is, most overdue first, then by village (the county's ledger). */
    @Transactional
    public List<CaseViews.OverdueItem> overdue(int limit) {
        user.requireAnyRole(ClueService.readers());
        LocalDate today = clock.today();
        List<MonitoringCase> late = MonitoringCase.<MonitoringCase>find("status = ?1 and currentDue < ?2 and villageCode like ?3",
                // (due, village, id) is ix_case_due's order: read in index order up to the limit, no sort of every late case.
                Sort.by("currentDue").and("villageCode").and("id"), CaseStatus.IN_PROGRESS, today, OrgScope.likePrefix(user.orgCode()))
                .page(0, Math.min(Math.max(limit, 1), 1000)).list();
        Map<Long, String> numbers = householdNumbers(late.stream().map(c -> c.householdId).distinct().toList());
        Map<Long, CaseStep> current = currentSteps(late);
        return late.stream().filter(c -> current.containsKey(c.id)).map(c -> {
            CaseStep s = current.get(c.id);
            return new CaseViews.OverdueItem(c.id, numbers.get(c.householdId), c.villageCode, s.stepId, s.label, s.role, s.dueOn,
                    java.time.temporal.ChronoUnit.DAYS.between(s.dueOn, today));
        }).toList();
    }

    static Map<Long, String> householdNumbers(List<Long> ids) {
        return InLists.pairs(Household.getEntityManager(), "SELECT id, household_no FROM household WHERE id IN (:keys)", ids, InLists::longKey);
    }

    /**
     * The 户主's name of each household: its active head with the lowest id, as the registry shows it. As pairs rather
     * than entities (issue 17: the inbox loaded 200 households and their heads whole, JSON and encrypted IDs included,
     * to show a number and a name).
     */
    static Map<Long, String> headNames(List<Long> householdIds) {
        return InLists.pairs(Household.getEntityManager(), "SELECT household_id, name FROM member WHERE household_id IN (:keys)"
                + " AND active = TRUE AND relation = 'HEAD' ORDER BY id", householdIds, InLists::longKey); // all three in ix_member_household_active
    }

    /**
     * An evidence item asked only when it applies: its text says when, e.g. Minqin's 「告知书（不符合时）」 (only for a
     * household found not to qualify). Recorded when given, never required.
     */
    public static boolean conditional(String item) {
        return item != null && item.contains("不符合时");
    }

    // ---------------------------------------------------------------- monitoring state

    /** The county approved: the household is monitored (风险未消除) and its 一户一策 falls due. */
    private void monitoringBegins(TenantInfo tenant, MonitoringCase c, LocalDate on) {
        c.riskState = RiskState.UNRESOLVED;
        c.riskStateOn = on;
        planFallsDue(tenant, c, on);
        Household h = Household.findById(c.householdId);
        if (h.category == HouseholdCategory.ORDINARY) { // a 脱贫户 stays a 脱贫户: its monitoring shows on the case
            householdCategories.change(h.id, HouseholdCategory.MONITORED, "县级审定纳入监测（案件 " + c.id + "）");
        }
    }

    /** The clue a case was opened from takes the county's decision (已纳入监测 / 不予纳入). */
    private static void clueFollows(MonitoringCase c, ClueStatus decided) {
        RiskClue clue = c.clueId == null ? null : RiskClue.findById(c.clueId);
        if (clue != null) {
            clue.status = decided;
        }
    }

    /** 一户一策 within assistance.plan-days of the approval or of a new risk mark (002 二(三)12; DOMAIN.md §2). */
    void planFallsDue(TenantInfo tenant, MonitoringCase c, LocalDate from) {
        EffectiveParameter days = parameters.resolve(tenant.provinceId(), tenant.code(), "assistance.plan-days", from.getYear());
        if (days.value() == null) {
            c.planDue = null;
            c.planDueRule = days.label() + "：未设定";
            return;
        }
        try {
            Due due = calendar.afterDays(from, Integer.parseInt(days.value()), extendsOverRestDays(tenant, from));
            c.planDue = due.date();
            c.planDueRule = days.label() + "：" + due.rule();
        } catch (ApiException e) {
            if (e.code() != PlatformError.CALENDAR_YEAR_MISSING) {
                throw e;
            }
            c.planDue = null;
            c.planDueRule = days.label() + "：" + e.detail();
        }
    }

    /** The last step of an elimination or 兜底保障户 case: the parent's risk is marked, and its plan locked on elimination. */
    private void childCompleted(MonitoringCase c, LocalDate on) {
        MonitoringCase parent = MonitoringCase.findById(c.parentCaseId);
        RiskState marked = EliminationAssessor.BASIC_PROTECTION.equals(c.procedureId) ? RiskState.BASIC_PROTECTION : RiskState.ELIMINATED;
        if (marked == RiskState.ELIMINATED) {
            List<String> failing = assessor.failingAtMarking(parent);
            if (!failing.isEmpty()) {
                throw new ApiException(MonitoringError.ELIMINATION_CONDITIONS_UNMET, String.join("；", failing));
            }
            AssistancePlan plan = AssistancePlan.find("caseId", parent.id).firstResult();
            if (plan != null) {
                plan.lockedOn = on;
            }
        }
        parent.riskState = marked;
        parent.riskStateOn = on;
        event(parent, null, marked == RiskState.ELIMINATED ? "ELIMINATED" : "PROTECTED", "系统标注“" + marked.label() + "”（案件 " + c.id + "）");
    }

    // ---------------------------------------------------------------- clocks

    /** Starts the clocks that count from {@code from} ("start" or a step just completed) on {@code on}. */
    private void startClocks(TenantInfo tenant, MonitoringCase c, ResolvedProcedure p, String from, LocalDate on) {
        boolean extend = extendsOverRestDays(tenant, on);
        for (ResolvedStep s : p.steps()) {
            for (ResolvedDeadline d : s.deadlines()) {
                if (!from.equals(d.from()) || d.amount() == null) {
                    continue;
                }
                CaseStep st = CaseStep.<CaseStep>find("caseId = ?1 and stepId = ?2", c.id, s.id()).firstResult();
                if (st == null) {
                    continue;
                }
                Due due;
                try {
                    due = "工作日".equals(d.unit()) ? calendar.afterWorkingDays(on, d.amount()) : calendar.afterDays(on, d.amount(),
                            extend && d.kind() == ProcedureDefinition.Deadline.Kind.DEADLINE);
                } catch (ApiException e) {
                    if (e.code() != PlatformError.CALENDAR_YEAR_MISSING) {
                        throw e;
                    }
                    due = new Due(null, d.paramLabel() + "：" + e.detail(), false);
                }
                String rule = d.paramLabel() + "：" + due.rule();
                if (d.kind() == ProcedureDefinition.Deadline.Kind.MIN_DURATION) {
                    st.earliestOn = due.date();
                    st.earliestRule = rule;
                } else if (st.dueOn == null || due.date() != null && due.date().isBefore(st.dueOn)) {
                    st.dueOn = due.date();
                    st.dueRule = rule;
                }
            }
        }
    }

    private boolean extendsOverRestDays(TenantInfo tenant, LocalDate on) {
        return !"false".equals(parameters.resolve(tenant.provinceId(), tenant.code(), "monitoring.deadline-extends-over-rest-days",
                on.getYear()).value());
    }

    // ---------------------------------------------------------------- helpers

    MonitoringCase visible(long id) {
        user.requireAnyRole(ClueService.readers());
        MonitoringCase c = MonitoringCase.findById(id);
        if (c == null || !OrgScope.covers(user.orgCode(), c.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND);
        }
        return c;
    }

    private CaseStep current(MonitoringCase c, String stepId) {
        if (c.status != CaseStatus.IN_PROGRESS || c.currentStep == null) {
            throw new ApiException(MonitoringError.CASE_TRANSITION_INVALID, "案件" + c.status.label());
        }
        if (stepId != null && !stepId.equals(c.currentStep)) {
            throw new ApiException(MonitoringError.CASE_TRANSITION_INVALID, "当前应办理的是「" + CaseStep.<CaseStep>find("caseId = ?1 and stepId = ?2",
                    c.id, c.currentStep).firstResult().label + "」");
        }
        return CaseStep.<CaseStep>find("caseId = ?1 and stepId = ?2", c.id, c.currentStep).firstResult();
    }

    private void requireStepRole(CaseStep step) {
        if (!user.hasRole(step.role)) {
            throw new ApiException(PlatformError.FORBIDDEN, "「" + step.label + "」由" + Roles.label(step.role) + "办理");
        }
    }

    /**
     * Copies the current step's role and due date (for the inbox's index) and its label and evidence items (for the inbox's
     * page) onto the case, with the id of the step they were copied from; none when the case is finished.
     */
    private static void syncCurrent(MonitoringCase c) {
        CaseStep s = c.currentStep == null ? null
                : CaseStep.<CaseStep>find("caseId = ?1 and stepId = ?2", c.id, c.currentStep).firstResult();
        c.currentRole = s == null ? null : s.role;
        c.currentDue = s == null ? null : s.dueOn == null ? MonitoringCase.NO_DUE : s.dueOn;
        c.currentLabel = s == null ? null : s.label;
        c.currentEvidence = s == null ? null : s.evidenceRequired;
        c.currentCopyOf = s == null ? null : s.stepId;
    }

    private static List<CaseStep> steps(MonitoringCase c) {
        return CaseStep.list("caseId", Sort.by("seq"), c.id);
    }

    private static List<String> required(CaseStep s) {
        return evidenceItems(s.evidenceRequired);
    }

    /** A DATE column of a native query, as the driver and Hibernate hand it over. */
    private static LocalDate localDate(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** A step's evidence items, stored one per line. */
    private static List<String> evidenceItems(String lines) {
        return lines == null || lines.isBlank() ? List.of() : Arrays.asList(lines.split("\n"));
    }

    void event(MonitoringCase c, String stepId, String action, String note) {
        CaseEvent e = new CaseEvent();
        e.caseId = c.id;
        e.stepId = stepId;
        e.action = action;
        e.actor = user.username();
        e.occurredAt = clock.now();
        e.note = note;
        e.persist();
    }

    private static void checkVersion(MonitoringCase c, Long expected) {
        Versions.check(c.version, expected);
    }


    private String json(Map<String, String> m) {
        try {
            return mapper.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> fromJson(String s) {
        try {
            return s == null ? Map.of() : mapper.readValue(s, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    CaseView view(MonitoringCase c) {
        LocalDate today = clock.today();
        Household h = Household.findById(c.householdId);
        List<StepView> steps = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, List<CaseViews.ScanView>> scans = scansOf(c.id);
        for (CaseStep s : steps(c)) {
            boolean isCurrent = s.stepId.equals(c.currentStep);
            String state = s.completedOn != null ? "已办结" : isCurrent ? "办理中" : "未开始";
            steps.add(new StepView(s.stepId, s.seq, s.label, s.role, required(s), state, s.dueOn, s.dueRule,
                    s.completedOn != null ? "已办结" : Due.state(s.dueOn, today), s.earliestOn, s.earliestRule, s.completedOn, s.completedBy,
                    fromJson(s.evidenceJson), s.note, s.noticeFrom, s.noticeTo, holdsNotice(s) ? noticeDays(c).orElse(null) : null,
                    scans.getOrDefault(s.stepId, List.of())));
            if (isCurrent) {
                missing.add("由" + Roles.label(s.role) + "办理");
                required(s).forEach(item -> missing.add((conditional(item) ? "如适用：" : "需要：") + item));
                if (s.earliestOn != null && today.isBefore(s.earliestOn)) {
                    missing.add(s.earliestRule + "，" + s.earliestOn + "起可办结");
                }
            }
        }
        List<EventView> events = CaseEvent.<CaseEvent>list("caseId", Sort.by("occurredAt").and("id"), c.id).stream()
                .map(e -> new EventView(e.stepId, e.action, e.actor, e.occurredAt, e.note)).toList();
        return new CaseView(c.id, c.householdId, h == null ? null : h.householdNo, c.villageCode, c.clueId, c.procedureId,
                c.monitoringType.name(), c.monitoringType.label(), RiskCategory.labels(c.riskCategories), c.greenChannel, c.status.name(), c.status.label(),
                c.currentStep, c.startedOn, c.approvedOn, c.rejectionReason, steps, missing, events, c.version, procedureLabel(c),
                c.parentCaseId, c.riskState == null ? null : c.riskState.name(), c.riskState == null ? null : c.riskState.label(), c.riskStateOn,
                c.planDue, c.planDueRule, c.parentCaseId != null ? List.of()
                        : MonitoringCase.<MonitoringCase>list("parentCaseId", Sort.by("id"), c.id).stream().map(x -> x.id).toList(),
                forms.fromJson(c.extraJson));
    }

    static String procedureLabel(MonitoringCase c) {
        return procedureLabel(c.procedureId);
    }

    static String procedureLabel(String procedureId) {
        return switch (procedureId) {
            case EliminationAssessor.ELIMINATION -> "风险消除";
            case EliminationAssessor.BASIC_PROTECTION -> "兜底保障户认定";
            default -> "识别纳入";
        };
    }
}
