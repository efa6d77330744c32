package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.assistance.programme.ApplicationRequests.Decide;
import cn.fpjc.core.assistance.programme.ApplicationRequests.Item;
import cn.fpjc.core.assistance.programme.ApplicationRequests.Submit;
import cn.fpjc.core.assistance.programme.ApplicationViews.ApplicationView;
import cn.fpjc.core.assistance.programme.ApplicationViews.Notice;
import cn.fpjc.core.assistance.programme.ApplicationViews.NoticeLine;
import cn.fpjc.core.assistance.programme.ApplicationViews.StepResult;
import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.error.Versions;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.platform.web.SortBy;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.ParameterOrigin;
import cn.fpjc.core.policy.PolicyError;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.Member;
import cn.fpjc.core.registry.RegistryService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The flow every programme shares: 申请 (staff record a member's application; the engine must find the member entitled)
 * → 村级核实 (village clerk) → 乡镇审核 (township reviewer) → 村内公示 (at least the programme's notice days, with an
 * objection phone) → 县级审批 (county approver, only after the notice has ended; an objection needs its handling). The
 * member's entitlement is checked again at 村级核实 and at approval, against the registry as it then stands. Approved
 * applications are what payments are made from.
 */
@ApplicationScoped
public class ApplicationService {
    static final String[] STAFF = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER, Roles.VILLAGE_CLERK };

    @Inject
    EntitlementService engine;

    @Inject
    CurrentUser user;

    @Inject
    AppClock clock;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper mapper;

    @Inject
    cn.fpjc.core.platform.error.DatabaseRefusals refusals;

    @Inject
    cn.fpjc.core.platform.calendar.WorkingDayCalendar calendar;

    @Transactional
    public ApplicationView submit(Submit in) {
        user.requireAnyRole(STAFF);
        if (in == null || in.programmeId() == null || in.memberId() == null) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("programmeId", "请选择项目和申请人（memberId）")));
        }
        AssistanceProgramme programme = engine.programme(in.programmeId());
        ProgrammeRules rules = engine.rules(in.year() == null ? clock.year() : engine.checkedYear(in.year()));
        AssistanceProgramme.Window window = programme.applicationWindow(rules.year(), rules);
        if (window != null && !window.contains(clock.today())) {
            throw new ApiException(ProgrammeError.APPLICATION_WINDOW_CLOSED, clock.today() + " 不在" + rules.year() + "年度的申请期内：" + window.rule());
        }
        Map<String, String> declared = declared(programme, in.declared());
        Candidate who = inScope(in.memberId(), rules).withDeclared(declared);
        Decision decision = entitled(programme, who, rules);
        BigDecimal amount = decision.amount();
        if (programme.actualCostUpToAmount()) {
            if (in.claimedAmount() == null || in.claimedAmount().signum() <= 0 || in.claimedAmount().scale() > 2
                    || in.claimedAmount().compareTo(new BigDecimal("9999999999.99")) > 0) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("claimedAmount", amount == null
                        ? "请填写申请金额（元，最多两位小数）：本项目按困难情况核定金额"
                        : "请填写实际发生的费用（元，最多两位小数）：本项目按实际费用补助，最高 " + plain(amount) + " 元")));
            }
            // No ceiling (临时救助): the amount applied for, which the township's review and the county's approval judge.
            amount = amount == null ? in.claimedAmount() : in.claimedAmount().min(amount);
        } else if (in.claimedAmount() != null) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("claimedAmount",
                    "本项目按标准补助，不填实际费用")));
        }
        ProgrammeApplication a = new ProgrammeApplication();
        a.programmeId = programme.id();
        a.year = rules.year();
        a.memberId = who.memberId();
        a.householdId = who.householdId();
        a.villageCode = who.villageCode();
        a.claimedAmount = in.claimedAmount();
        a.amount = amount.setScale(2);
        a.amountRule = decision.amountRule();
        a.decisionJson = json(decision.rules());
        a.declaredJson = declared.isEmpty() ? null : json(declared);
        a.oncePerHousehold = programme.oncePerHousehold(); // uk_programme_application_household refuses a second one
        a.note = blankToNull(in.note());
        a.status = ApplicationStatus.SUBMITTED;
        a.submittedBy = user.username();
        a.submittedAt = clock.now();
        a.persistAndFlush(); // the unique keys answer a second application now, as APPLICATION_EXISTS / HOUSEHOLD_APPLICATION_EXISTS
        audit.record("SUBMIT", "programme_application", String.valueOf(a.id), null,
                Map.of("programme", a.programmeId, "year", a.year, "member", a.memberId, "amount", a.amount));
        return view(a, who);
    }

    /** Many applications at one step; each in its own transaction, reported by 户编号 and name. */
    public List<StepResult> decide(Decide in) {
        user.requireAnyRole(STAFF);
        if (in == null || in.items() == null || in.items().isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("items", "请选择申请")));
        }
        String action = in.action() == null ? "" : in.action().strip().toUpperCase();
        if (!Set.of("CHECK", "REVIEW", "NOTICE", "OBJECTION", "APPROVE", "REJECT").contains(action)) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("action",
                    "action 为 CHECK（村级核实）、REVIEW（乡镇审核）、NOTICE（公示）、OBJECTION（异议）、APPROVE（审批）或 REJECT（不予补助）")));
        }
        LocalDate on = in.on() == null ? clock.today() : in.on();
        if (on.isAfter(clock.today())) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("on", "办理日期不能晚于今天")));
        }
        List<StepResult> results = new ArrayList<>();
        for (Item item : in.items().stream().distinct().toList()) {
            String[] who = { null, null, null };
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    ProgrammeApplication a = visible(item == null ? null : item.id());
                    Member m = Member.findById(a.memberId);
                    who[0] = Household.<Household>findByIdOptional(a.householdId).map(h -> h.householdNo).orElse(null);
                    who[1] = m == null ? null : m.name;
                    Versions.check(a.version, item.version());
                    step(a, action, on, in);
                    if ("REVIEW".equals(action) && a.status == ApplicationStatus.APPROVED) {
                        who[2] = "已乡镇审核并审批（" + a.approvalRule + "）";
                    }
                });
                results.add(new StepResult(item.id(), who[0], who[1], true, who[2] == null ? done(action) : who[2]));
            } catch (RuntimeException failure) {
                // A refusal, or what the database refused at the flush (a lost optimistic lock, a value too long): reported
                // for this application; the others go on.
                ApiException e = failure instanceof ApiException a ? a : refusals.refusal(failure).orElseThrow(() -> failure);
                results.add(new StepResult(item == null || item.id() == null ? 0 : item.id(), who[0], who[1], false, e.humanMessage()
                        + (e.fieldErrors() == null || e.fieldErrors().isEmpty() ? ""
                                : "：" + String.join("；", e.fieldErrors().stream().map(FieldError::message).toList()))));
            }
        }
        return results;
    }

    private void step(ProgrammeApplication a, String action, LocalDate on, Decide in) {
        AssistanceProgramme programme = engine.programme(a.programmeId);
        Map<String, Object> before = Map.of("status", a.status.name());
        switch (action) {
            case "CHECK" -> {
                expect(a, ApplicationStatus.SUBMITTED, Roles.VILLAGE_CLERK);
                notBefore(on, a.submittedAt.atZone(AppClock.CHINA).toLocalDate(), "提交申请");
                entitledNow(programme, a);
                a.checkedBy = user.username();
                a.checkedOn = on;
                a.status = ApplicationStatus.VILLAGE_CHECKED;
            }
            case "REVIEW" -> {
                expect(a, ApplicationStatus.VILLAGE_CHECKED, Roles.TOWNSHIP_REVIEWER);
                notBefore(on, a.checkedOn, "村级核实");
                a.reviewedBy = user.username();
                a.reviewedOn = on;
                a.status = ApplicationStatus.TOWNSHIP_REVIEWED;
                AssistanceProgramme.Limit limit = programme.townshipApprovalLimit(engine.rules(a.year));
                if (limit != null && a.amount.compareTo(limit.amount()) <= 0) {
                    // 小额: the township's review is the approval, reported to the county for the record.
                    entitledNow(programme, a);
                    a.decidedBy = user.username();
                    a.decidedOn = on;
                    a.approvalRule = limit.rule();
                    a.status = ApplicationStatus.APPROVED;
                }
            }
            case "NOTICE" -> {
                if (!programme.noticeRequired()) {
                    throw new ApiException(ProgrammeError.APPLICATION_STEP_INVALID, programme.name() + "不设村内公示：乡镇审核后由县级审批");
                }
                expect(a, ApplicationStatus.TOWNSHIP_REVIEWED, Roles.VILLAGE_CLERK, Roles.TOWNSHIP_REVIEWER);
                notice(a, programme, in);
                a.status = ApplicationStatus.IN_NOTICE;
            }
            case "OBJECTION" -> {
                expect(a, ApplicationStatus.IN_NOTICE, STAFF);
                String text = required(in.objection(), "objection", "请填写异议内容（谁、何时、反映什么）");
                String all = a.objection == null ? text : a.objection + "\n" + text;
                if (all.length() > 1000) {
                    throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("objection", "异议记录合计不超过1000字")));
                }
                a.objection = all;
            }
            case "APPROVE" -> {
                expect(a, programme.noticeRequired() ? ApplicationStatus.IN_NOTICE : ApplicationStatus.TOWNSHIP_REVIEWED, Roles.COUNTY_APPROVER);
                if (programme.noticeRequired() && !on.isAfter(a.noticeTo)) {
                    throw new ApiException(ProgrammeError.NOTICE_NOT_ENDED, "公示至 " + a.noticeTo + "，" + a.noticeTo.plusDays(1) + " 起可审批");
                }
                if (a.objection != null) {
                    a.objectionHandling = limited(required(in.objectionHandling(), "objectionHandling", "公示期间有异议：请填写核查处理情况"),
                            "objectionHandling");
                }
                Decision now = entitledNow(programme, a);
                // The amount as the registry now stands (e.g. a house re-graded since): never more than the rules now give.
                BigDecimal amount = !programme.actualCostUpToAmount() ? now.amount()
                        : now.amount() == null ? a.claimedAmount : a.claimedAmount.min(now.amount());
                if (amount.compareTo(a.amount) != 0) {
                    a.amount = amount.setScale(2);
                    a.amountRule = now.amountRule();
                }
                a.decidedBy = user.username();
                a.decidedOn = on;
                a.status = ApplicationStatus.APPROVED;
            }
            default -> { // REJECT
                if (a.status == ApplicationStatus.APPROVED || a.status == ApplicationStatus.REJECTED) {
                    throw new ApiException(ProgrammeError.APPLICATION_STEP_INVALID, "已" + a.status.label());
                }
                String[] may = a.status == ApplicationStatus.SUBMITTED || a.status == ApplicationStatus.VILLAGE_CHECKED
                        ? new String[] { Roles.TOWNSHIP_REVIEWER, Roles.COUNTY_APPROVER } : new String[] { Roles.COUNTY_APPROVER };
                expect(a, a.status, may);
                a.rejectReason = limited(required(in.reason(), "reason", "请填写不予补助的理由"), "reason");
                a.decidedBy = user.username();
                a.decidedOn = on;
                a.status = ApplicationStatus.REJECTED;
            }
        }
        a.persistAndFlush();
        audit.record(action, "programme_application", String.valueOf(a.id), before, Map.of("status", a.status.name()));
    }

    /** 村内公示: at least the programme's notice days (calendar days, both ends counted), with a phone for objections. */
    private void notice(ProgrammeApplication a, AssistanceProgramme programme, Decide in) {
        if (in.noticeFrom() == null || in.noticeTo() == null || in.noticeTo().isBefore(in.noticeFrom())) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("noticeFrom", "请填写公示起止日期（止日不早于起日）")));
        }
        if (a.reviewedOn != null && in.noticeFrom().isBefore(a.reviewedOn)) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("noticeFrom",
                    "公示应在乡镇审核之后（" + a.reviewedOn + "）开始")));
        }
        EffectiveParameter days = engine.rules(a.year).parameter(programme.noticeDaysKey());
        if (days.origin() == ParameterOrigin.NOT_SET) {
            throw new ApiException(PolicyError.PARAMETER_NOT_SET, "「" + days.label() + "」未设定，不能确定公示天数");
        }
        long length = ChronoUnit.DAYS.between(in.noticeFrom(), in.noticeTo()) + 1;
        if (length < Long.parseLong(days.value().strip())) {
            throw new ApiException(ProgrammeError.NOTICE_PERIOD_TOO_SHORT, "公示 " + length + " 天，" + days.label() + "不少于 "
                    + days.value().strip() + " 天（依据：" + days.citation() + "）");
        }
        a.noticeFrom = in.noticeFrom();
        a.noticeTo = in.noticeTo();
        a.objectionPhone = required(in.objectionPhone(), "objectionPhone", "请填写受理异议的电话");
        if (a.objectionPhone.length() > 40) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("objectionPhone", "不超过40个字符")));
        }
    }

    private void expect(ProgrammeApplication a, ApplicationStatus status, String... roles) {
        if (a.status != status) {
            throw new ApiException(ProgrammeError.APPLICATION_STEP_INVALID, "当前为「" + a.status.label() + "」");
        }
        if (!user.hasAnyRole(roles)) {
            throw new ApiException(PlatformError.FORBIDDEN, "这一环节由" + String.join("或", java.util.Arrays.stream(roles).map(Roles::label).toList()) + "办理");
        }
    }

    /** The member must still be entitled as the registry now stands (资质复核); the decision now. */
    private Decision entitledNow(AssistanceProgramme programme, ProgrammeApplication a) {
        ProgrammeRules rules = engine.rules(a.year);
        Candidate who = engine.member(a.memberId, rules.referenceDate());
        if (who == null) {
            throw new ApiException(ProgrammeError.APPLICATION_NOT_ENTITLED, "申请人已不在册");
        }
        return entitled(programme, who.withDeclared(declaredOf(a)), rules);
    }

    private static void notBefore(LocalDate on, LocalDate previous, String step) {
        if (previous != null && on.isBefore(previous)) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("on", "办理日期不能早于" + step + "的日期（" + previous + "）")));
        }
    }

    private static String limited(String text, String field) {
        if (text.length() > 1000) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError(field, "不超过1000字")));
        }
        return text;
    }

    private static Decision entitled(AssistanceProgramme programme, Candidate who, ProgrammeRules rules) {
        Decision d = programme.assess(who, rules);
        if (d.status() != Decision.Status.ELIGIBLE) {
            String why = d.rules().stream().filter(r -> r.outcome() != RuleResult.Outcome.PASSED)
                    .map(r -> "「" + r.rule() + "」" + r.outcome().label() + "（" + r.fact()
                            + (r.parameterLabel() == null ? "" : "；" + r.parameterLabel() + "：" + (r.parameterValue() == null ? "未设定" : r.parameterValue()))
                            + (r.source() == null ? "" : "；依据：" + cn.fpjc.core.policy.source.PolicySources.forPeople(r.source())) + "）")
                    .collect(Collectors.joining("；"));
            throw new ApiException(ProgrammeError.APPLICATION_NOT_ENTITLED, who.name() + "：" + why);
        }
        return d;
    }

    // ---------------------------------------------------------------- reads

    @Transactional
    public ApplicationView get(long id) {
        user.requireAnyRole(RegistryService.READERS);
        ProgrammeApplication a = visible(id);
        ProgrammeRules rules = engine.rules(a.year);
        return view(a, engine.member(a.memberId, rules.referenceDate()));
    }

    /** The queue: applications of a programme and year in the caller's scope, by status and village, oldest first. */
    @Transactional
    public Page<ApplicationView> list(String programmeId, Integer year, String status, String village, int page, int size) {
        return list(programmeId, year, status, village, IN_ORDER_RECEIVED, page, size);
    }

    /**
     * The columns the queue may be sorted by, all of the application row: its village (in the queue's index), its amount
     * and its 公示 start, cheap within one programme and year; and the order received (the id, the default).
     */
    public static final Map<String, String> SORTS = SortBy.columns("received", "申请先后", "village", "村", "amount", "金额", "notice", "公示期");

    /** The queue's default order: as received. */
    public static final SortBy IN_ORDER_RECEIVED = new SortBy("received", false);

    /** The queue in the order asked for ({@link #SORTS}; ties by id in the same direction). */
    @Transactional
    public Page<ApplicationView> list(String programmeId, Integer year, String status, String village, SortBy sort, int page, int size) {
        Sort.Direction direction = sort.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
        String column = switch (sort.column()) {
            case "received" -> "id";
            case "village" -> "villageCode";
            case "amount" -> "amount";
            case "notice" -> "noticeFrom";
            default -> throw new IllegalArgumentException("not an application sort: " + sort.column());
        };
        Sort order = column.equals("id") ? Sort.by("id", direction) : Sort.by(column, direction).and("id", direction);
        user.requireAnyRole(RegistryService.READERS);
        AssistanceProgramme programme = engine.programme(programmeId);
        int y = year == null ? clock.year() : engine.checkedYear(year);
        StringBuilder where = new StringBuilder("programmeId = :programme and year = :year and villageCode like :scope and villageCode like :village");
        Map<String, Object> p = new HashMap<>(Map.of("programme", programme.id(), "year", y, "scope", OrgScope.likePrefix(user.orgCode()),
                "village", village == null || village.isBlank() ? "%" : OrgScope.likePrefix(village.strip())));
        if (status != null && !status.isBlank()) {
            ApplicationStatus s = Labelled.parse(ApplicationStatus.class, status);
            if (s == null) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("status", "没有这个办理状态：" + status)));
            }
            where.append(" and status = :status");
            p.put("status", s);
        }
        return Page.of(ProgrammeApplication.find(where.toString(), order, p), page, size, 500, this::views);
    }

    /** The village 公示 of a programme and year: applications in notice in that village, masked. */
    @Transactional
    public Notice notice(String programmeId, Integer year, String village) {
        user.requireAnyRole(RegistryService.READERS);
        AssistanceProgramme programme = engine.programme(programmeId);
        int y = year == null ? clock.year() : engine.checkedYear(year);
        if (village == null || !OrgScope.isVillage(village.strip()) || !OrgScope.covers(user.orgCode(), village.strip())) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("village", "请选择本人范围内的一个村")));
        }
        List<ProgrammeApplication> rows = ProgrammeApplication.list("programmeId = ?1 and year = ?2 and villageCode = ?3 and status = ?4",
                Sort.by("id"), programme.id(), y, village.strip(), ApplicationStatus.IN_NOTICE);
        Map<Long, Member> members = members(rows);
        Map<Long, String> numbers = householdNumbers(rows);
        LocalDate from = rows.stream().map(a -> a.noticeFrom).min(LocalDate::compareTo).orElse(null);
        LocalDate to = rows.stream().map(a -> a.noticeTo).max(LocalDate::compareTo).orElse(null);
        String phone = rows.stream().map(a -> a.objectionPhone).distinct().collect(Collectors.joining("、"));
        return new Notice(programme.name(), y, village.strip(), RegistryService.villageNames(Set.of(village.strip())).get(village.strip()),
                from, to, phone, "经村级核实、乡镇审核，拟予补助，现予公示",
                rows.stream().map(a -> {
                    Member m = members.get(a.memberId);
                    return new NoticeLine(m == null ? "" : m.name, m == null ? "" : m.idMasked, numbers.get(a.householdId), a.amount, a.amountRule);
                }).toList());
    }

    /** Approved applications of a programme and year (all villages): what a payment batch is made from. */
    public List<ProgrammeApplication> approved(String programmeId, int year) {
        return ProgrammeApplication.list("programmeId = ?1 and year = ?2 and status = ?3", Sort.by("id"), programmeId, year,
                ApplicationStatus.APPROVED);
    }

    private List<ApplicationView> views(List<ProgrammeApplication> rows) {
        Map<Long, Member> members = members(rows);
        Map<Long, String> numbers = householdNumbers(rows);
        Map<String, String> villages = RegistryService.villageNames(rows.stream().map(a -> a.villageCode).collect(Collectors.toSet()));
        return rows.stream().map(a -> view(a, members.get(a.memberId), numbers.get(a.householdId), villages.get(a.villageCode))).toList();
    }

    private ApplicationView view(ProgrammeApplication a, Candidate who) {
        Member m = Member.findById(a.memberId);
        String no = Household.<Household>findByIdOptional(a.householdId).map(h -> h.householdNo).orElse(null);
        return view(a, m, no, RegistryService.villageNames(Set.of(a.villageCode)).get(a.villageCode));
    }

    private ApplicationView view(ProgrammeApplication a, Member m, String householdNo, String villageName) {
        AssistanceProgramme programme = engine.programme(a.programmeId);
        ProgrammeRules rules = engine.rules(a.year);
        Map<String, String> declared = declaredOf(a);
        cn.fpjc.core.platform.calendar.Due due = programme.decideBy(a.submittedAt.atZone(AppClock.CHINA).toLocalDate(), declared, rules, calendar);
        return new ApplicationView(a.id, a.programmeId, programme.name(), a.year, a.memberId, m == null ? null : m.name,
                m == null ? null : m.idMasked, a.householdId, householdNo, a.villageCode, villageName == null ? a.villageCode : villageName,
                a.claimedAmount, a.amount, a.amountRule, rules(a.decisionJson), a.status.name(), a.status.label(), a.note, a.submittedBy,
                a.checkedOn, a.reviewedOn, a.noticeFrom, a.noticeTo, a.objectionPhone, a.objection, a.objectionHandling, a.decidedOn,
                a.rejectReason, programme.instalments(a.year, a.amount, rules), declaredLabels(programme, declared),
                due == null ? null : due.date(), due == null ? null : due.rule(),
                due == null || a.status == ApplicationStatus.APPROVED || a.status == ApplicationStatus.REJECTED ? null
                        : cn.fpjc.core.platform.calendar.Due.state(due.date(), clock.today()),
                a.approvalRule, a.version);
    }

    private ProgrammeApplication visible(Long id) {
        ProgrammeApplication a = id == null ? null : ProgrammeApplication.findById(id);
        if (a == null || !OrgScope.covers(user.orgCode(), a.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND, "申请 " + id);
        }
        return a;
    }

    private Candidate inScope(long memberId, ProgrammeRules rules) {
        Candidate who = engine.member(memberId, rules.referenceDate());
        if (who == null || !OrgScope.covers(user.orgCode(), who.villageCode())) {
            throw new ApiException(PlatformError.NOT_FOUND, "成员 " + memberId);
        }
        return who;
    }

    private static Map<Long, Member> members(List<ProgrammeApplication> rows) {
        return InLists.list(Member.getEntityManager(), "from Member where id in :keys", Member.class, rows.stream().map(a -> a.memberId).toList())
                .stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
    }

    private static Map<Long, String> householdNumbers(List<ProgrammeApplication> rows) {
        return InLists.pairs(Household.getEntityManager(), "SELECT id, household_no FROM household WHERE id IN (:keys)",
                rows.stream().map(a -> a.householdId).toList(), InLists::longKey);
    }

    /**
     * The application's declarations checked against the programme's: every key known, every value one of its choices
     * (code or Chinese label), a missing one taking its default, one without a default required. Codes, in the programme's order.
     */
    private static Map<String, String> declared(AssistanceProgramme programme, Map<String, String> given) {
        Map<String, String> in = given == null ? Map.of() : given;
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = programme.declarations().stream().map(AssistanceProgramme.Declaration::key).collect(Collectors.toSet());
        in.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> errors.add(new FieldError("declared." + k, programme.name() + "没有这一申报项")));
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (AssistanceProgramme.Declaration d : programme.declarations()) {
            String v = in.get(d.key()) == null ? null : in.get(d.key()).strip();
            String choices = String.join("、", d.choices().stream().map(AssistanceProgramme.Choice::label).toList());
            if (v == null || v.isEmpty()) {
                if (d.defaultChoice() == null) {
                    errors.add(new FieldError("declared." + d.key(), "请选择" + d.label() + "（" + choices + "）"));
                } else {
                    out.put(d.key(), d.defaultChoice());
                }
                continue;
            }
            d.choices().stream().filter(c -> c.code().equals(v) || c.label().equals(v)).findFirst().ifPresentOrElse(c -> out.put(d.key(), c.code()),
                    () -> errors.add(new FieldError("declared." + d.key(), d.label() + "只能是：" + choices)));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        return out;
    }

    private Map<String, String> declaredOf(ProgrammeApplication a) {
        if (a.declaredJson == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(a.declaredJson, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("programme_application.declared_json unreadable", e);
        }
    }

    /** The declarations as people read them: 「住宿情况：寄宿生」. */
    private static List<String> declaredLabels(AssistanceProgramme programme, Map<String, String> declared) {
        return programme.declarations().stream().filter(d -> declared.containsKey(d.key()))
                .map(d -> d.label() + "：" + d.choice(declared.get(d.key())).map(AssistanceProgramme.Choice::label).orElse(declared.get(d.key())))
                .toList();
    }

    private String json(Object rules) {
        try {
            return mapper.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RuleResult> rules(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<RuleResult>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("programme_application.decision_json unreadable", e);
        }
    }

    private static String required(String text, String field, String message) {
        if (text == null || text.isBlank()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError(field, message)));
        }
        return text.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static String done(String action) {
        return switch (action) {
            case "CHECK" -> "已村级核实";
            case "REVIEW" -> "已乡镇审核";
            case "NOTICE" -> "已开始公示";
            case "OBJECTION" -> "已记录异议";
            case "APPROVE" -> "已审批";
            default -> "已不予补助";
        };
    }
}
