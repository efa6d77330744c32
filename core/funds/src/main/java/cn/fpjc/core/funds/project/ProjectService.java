package cn.fpjc.core.funds.project;

import cn.fpjc.core.funds.FundsError;
import cn.fpjc.core.funds.FundsInputs;
import cn.fpjc.core.funds.FundsRoles;
import cn.fpjc.core.funds.allocation.AllocationService;
import cn.fpjc.core.funds.allocation.FundAllocation;
import cn.fpjc.core.funds.allocation.FundSource;
import cn.fpjc.core.funds.project.ProjectViews.AllocationChoice;
import cn.fpjc.core.funds.project.ProjectViews.ApprovalInput;
import cn.fpjc.core.funds.project.ProjectViews.BeneficiaryView;
import cn.fpjc.core.funds.project.ProjectViews.ChangeDecision;
import cn.fpjc.core.funds.project.ProjectViews.ChangeInput;
import cn.fpjc.core.funds.project.ProjectViews.ChangeView;
import cn.fpjc.core.funds.project.ProjectViews.DateStep;
import cn.fpjc.core.funds.project.ProjectViews.Decision;
import cn.fpjc.core.funds.project.ProjectViews.EventView;
import cn.fpjc.core.funds.project.ProjectViews.FundingInput;
import cn.fpjc.core.funds.project.ProjectViews.FundingView;
import cn.fpjc.core.funds.project.ProjectViews.LinkageInput;
import cn.fpjc.core.funds.project.ProjectViews.LinkageView;
import cn.fpjc.core.funds.project.ProjectViews.NoticeInput;
import cn.fpjc.core.funds.project.ProjectViews.NoticeView;
import cn.fpjc.core.funds.project.ProjectViews.ProjectInput;
import cn.fpjc.core.funds.project.ProjectViews.ProjectRow;
import cn.fpjc.core.funds.project.ProjectViews.ProjectView;
import cn.fpjc.core.funds.project.ProjectViews.RevisionView;
import cn.fpjc.core.funds.project.ProjectViews.RuleCheck;
import cn.fpjc.core.funds.project.ProjectViews.TargetInput;
import cn.fpjc.core.funds.project.ProjectViews.TargetView;
import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.error.Versions;
import cn.fpjc.core.platform.org.OrgLevel;
import cn.fpjc.core.platform.org.OrgUnit;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.Member;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The project library (项目库): 村申报 → 乡审核 → 部门论证 → 县审定 with 三公示一公告 (000 衔接资金使用管理 二、1), then 立项批复 within
 * the allocation's days (二、2), 竣工验收 and 决算审计. A decided project changes only through a change approved again, and every
 * approved version is kept (二、2 "项目一经审批后严禁随意变更，确需变更的，应当按照规定的程序报原审批部门审批").
 */
@ApplicationScoped
public class ProjectService {
    static final String[] DECLARERS = { Roles.VILLAGE_CLERK, Roles.TOWNSHIP_REVIEWER, Roles.COUNTY_ADMIN, Roles.DEPARTMENT };
    static final String[] COUNTY_DECIDERS = { Roles.COUNTY_APPROVER };
    static final String[] APPROVERS = { Roles.COUNTY_APPROVER, Roles.COUNTY_ADMIN };
    static final int MAX_PAGE = 200;

    @Inject
    cn.fpjc.core.platform.tx.DeadlockRetry retry;

    @Inject
    CurrentUser user;

    @Inject
    AllocationService allocations;

    @Inject
    FundCaps caps;

    @Inject
    AppClock clock;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    cn.fpjc.core.platform.error.DatabaseRefusals refusals;

    // ---------------------------------------------------------------- declaration and reading

    @Transactional
    public ProjectView declare(ProjectInput in) {
        user.requireAnyRole(DECLARERS);
        ProjectInput n = normalize(in);
        List<RuleCheck> checks = rules(n, false, false);
        refuseIfFailed(checks);
        Project p = new Project();
        p.createdBy = user.username();
        p.createdAt = clock.now();
        p.updatedAt = p.createdAt;
        p.revision = 0;
        apply(p, n);
        // A county-level project across townships is proposed by the county's departments: no village stage (二、1).
        p.status = p.townshipCode == null ? ProjectStatus.TOWNSHIP_REVIEWED : ProjectStatus.DECLARED;
        p.persistAndFlush();
        writeDetails(p, n, true);
        event(p, "申报", null, p.status, p.townshipCode == null ? "跨区域项目，由县级行业部门提出，征求相关乡、村意见" : null);
        audit.record("CREATE", "fund_project", String.valueOf(p.id), null, Map.of("name", p.name, "year", p.year));
        return view(p);
    }

    /** The library's sortable columns (whitelisted: the request names a key, never a column). */
    public static final Map<String, String> SORTS = cn.fpjc.core.platform.web.SortBy.columns("year", "年度", "name", "项目名称", "status", "环节",
            "updated", "最近办理");
    public static final cn.fpjc.core.platform.web.SortBy NEWEST = new cn.fpjc.core.platform.web.SortBy("updated", true);
    private static final Map<String, String> SORT_COLUMNS = Map.of("year", "p.year", "name", "p.name", "status", "p.status", "updated", "p.updatedAt");

    @Transactional
    public Page<ProjectRow> list(Integer year, String status, String township, String village, String q, int page, int size) {
        return list(year, status, township, village, q, NEWEST, page, size);
    }

    @Transactional
    public Page<ProjectRow> list(Integer year, String status, String township, String village, String q, cn.fpjc.core.platform.web.SortBy order,
            int page, int size) {
        user.requireAnyRole(FundsRoles.READERS);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        scopeFilter(where, params);
        if (year != null) {
            where.append(" and p.year = :year");
            params.put("year", year);
        }
        ProjectStatus s = Labelled.parse(ProjectStatus.class, status);
        if (s != null) {
            where.append(" and p.status = :status");
            params.put("status", s);
        }
        if (township != null && !township.isBlank()) {
            where.append(" and p.townshipCode = :township");
            params.put("township", township.strip());
        }
        if (village != null && !village.isBlank()) {
            where.append(" and :village member of p.villages");
            params.put("village", village.strip());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and p.name like :q");
            params.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Sort.Direction direction = order.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
        PanacheQuery<Project> query = Project.find("from Project p where " + where,
                Sort.by(SORT_COLUMNS.getOrDefault(order.column(), "p.updatedAt"), direction).and("p.id", direction), params);
        return Page.of(query, page, size, MAX_PAGE, this::rows);
    }

    @Transactional
    public ProjectView get(long id) {
        user.requireAnyRole(FundsRoles.READERS);
        return view(visible(id));
    }

    // ---------------------------------------------------------------- 三公示一公告

    @Transactional
    public ProjectView publish(long id, NoticeInput in) {
        Project p = visible(id);
        if (in == null) {
            throw FundsInputs.invalid("kind", "请选择公示（公告）类型");
        }
        NoticeKind kind = Labelled.parse(NoticeKind.class, in.kind());
        if (kind == null) {
            throw FundsInputs.invalid("kind", "公示类型应为：" + String.join("、", Labelled.labels(NoticeKind.class)));
        }
        switch (kind) {
            case VILLAGE_NOTICE -> user.requireAnyRole(Roles.VILLAGE_CLERK, Roles.TOWNSHIP_REVIEWER, Roles.COUNTY_ADMIN);
            case TOWNSHIP_NOTICE -> user.requireAnyRole(Roles.TOWNSHIP_REVIEWER, Roles.COUNTY_ADMIN, Roles.DEPARTMENT);
            default -> user.requireAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER);
        }
        ProjectStatus needed = switch (kind) {
            case VILLAGE_NOTICE -> ProjectStatus.DECLARED;
            case TOWNSHIP_NOTICE -> ProjectStatus.TOWNSHIP_REVIEWED;
            default -> ProjectStatus.COUNTY_DECIDED;
        };
        if (p.status != needed) {
            throw new ApiException(FundsError.PROJECT_STEP_NOT_ALLOWED, kind.label() + "应在「" + needed.label() + "」环节发布，项目当前为「" + p.status.label() + "」");
        }
        // A county-level project's township notice is the county's (征求相关乡、村意见); a project of several villages is
        // announced by its township, not by one village's clerk for all.
        if (kind == NoticeKind.TOWNSHIP_NOTICE && p.townshipCode == null) {
            user.requireAnyRole(Roles.COUNTY_ADMIN, Roles.DEPARTMENT);
        }
        if (kind == NoticeKind.VILLAGE_NOTICE && OrgScope.isVillage(user.orgCode()) && p.villages.size() > 1) {
            throw new ApiException(FundsError.PROJECT_STEP_NOT_ALLOWED, "项目涉及 " + p.villages.size() + " 个村，村级申报公示由乡镇发布");
        }
        LocalDate today = clock.today();
        // A notice starts no earlier than the step it announces, and not in the future beyond 30 days.
        LocalDate since = statusSince(p);
        if (in.startsOn() == null || in.startsOn().isBefore(since) || in.startsOn().isAfter(today.plusDays(30))) {
            throw FundsInputs.invalid("startsOn", "请填写开始日期：不早于项目进入「" + p.status.label() + "」的日期 " + since + "，不晚于 30 天后");
        }
        boolean announcement = kind == NoticeKind.COUNTY_ANNOUNCEMENT;
        LocalDate endsOn = announcement && in.endsOn() == null ? in.startsOn() : in.endsOn();
        if (endsOn == null || endsOn.isBefore(in.startsOn())) {
            throw FundsInputs.invalid("endsOn", "请填写公示截止日期，不早于开始日期");
        }
        if (announcement) {
            requireNoticeOver(p, NoticeKind.COUNTY_NOTICE);
            ProjectNotice countyNotice = ProjectNotice.find("projectId = ?1 and kind = ?2 and revision = ?3", p.id, NoticeKind.COUNTY_NOTICE, p.revision)
                    .firstResult();
            if (!in.startsOn().isAfter(countyNotice.endsOn)) {
                throw FundsInputs.invalid("startsOn", "入库公告应在县级审定公示期满（" + countyNotice.endsOn + "）之后发布");
            }
            if (in.startsOn().isAfter(today)) {
                throw FundsInputs.invalid("startsOn", "公告发布之日即入库：请填写已发布的日期（不晚于今天）");
            }
        }
        ProjectNotice n = new ProjectNotice();
        n.projectId = p.id;
        n.kind = kind;
        n.revision = p.revision;
        n.startsOn = in.startsOn();
        n.endsOn = endsOn;
        n.place = FundsInputs.required(in.place(), "place", announcement ? "请填写公告发布的网站或地点" : "请填写公示地点（如村务公开栏）", 200);
        long days = ChronoUnit.DAYS.between(n.startsOn, n.endsOn) + 1;
        n.periodRule = announcement ? "公告于" + n.startsOn + "发布，发布之日项目纳入项目库"
                : "公示期" + n.startsOn + "至" + n.endsOn + "，共" + days + "天；省级未规定项目公示的天数，以公示所载期限为准，期满次日起办理下一环节";
        n.publishedBy = user.username();
        n.publishedAt = clock.now();
        n.persistAndFlush();
        if (announcement) {
            ProjectStatus from = p.status;
            p.status = ProjectStatus.LISTED;
            p.listedOn = n.startsOn;
            touch(p);
            event(p, "县级公告入库", from, p.status, n.place);
        } else {
            event(p, "发布" + kind.label(), p.status, p.status, n.periodRule + "；地点：" + n.place);
        }
        return view(p);
    }

    // ---------------------------------------------------------------- 乡审核, 部门论证, 县审定

    @Transactional
    public ProjectView townshipReview(long id, Decision d) {
        user.requireAnyRole(Roles.TOWNSHIP_REVIEWER, Roles.COUNTY_ADMIN);
        Project p = decisionTarget(id, d, ProjectStatus.DECLARED, "乡镇审核");
        requireNoticeOver(p, NoticeKind.VILLAGE_NOTICE);
        return decide(p, d, "乡镇审核", ProjectStatus.TOWNSHIP_REVIEWED);
    }

    @Transactional
    public ProjectView assess(long id, Decision d) {
        user.requireAnyRole(Roles.DEPARTMENT, Roles.COUNTY_ADMIN);
        Project p = decisionTarget(id, d, ProjectStatus.TOWNSHIP_REVIEWED, "部门论证");
        requireNoticeOver(p, NoticeKind.TOWNSHIP_NOTICE);
        return decide(p, d, "部门论证", ProjectStatus.ASSESSED);
    }

    /** 县审定: the rules again, due diligence now a condition; the approved content becomes version 1. */
    @Transactional
    public ProjectView countyDecision(long id, Decision d) {
        user.requireAnyRole(COUNTY_DECIDERS);
        Project p = decisionTarget(id, d, ProjectStatus.ASSESSED, "县级审定");
        if (Boolean.TRUE.equals(d.approve())) {
            refuseIfFailed(rules(content(p), true, p.dueDiligenceOn != null));
            p.revision = 1;
            revision(p, null);
        }
        return decide(p, d, "县级审定", ProjectStatus.COUNTY_DECIDED);
    }

    /** Records the due diligence an enterprise-run project of the province's size needs (000 衔接资金使用管理 一、1). */
    @Transactional
    public ProjectView dueDiligence(long id, ApprovalInput in) {
        user.requireAnyRole(Roles.COUNTY_ADMIN, Roles.DEPARTMENT);
        Project p = visible(id);
        if (in == null) {
            throw FundsInputs.invalid("dueDiligenceOn", "请填写尽职调查完成日期");
        }
        Versions.check(p.version, in.version());
        if (!p.enterpriseRun) {
            throw new ApiException(FundsError.PROJECT_STEP_NOT_ALLOWED, "该项目不依托企业等经营主体实施，无须尽职调查");
        }
        if (in.dueDiligenceOn() == null || in.dueDiligenceOn().isAfter(clock.today())) {
            throw FundsInputs.invalid("dueDiligenceOn", "请填写尽职调查完成日期（不晚于今天）");
        }
        p.dueDiligenceOn = in.dueDiligenceOn();
        p.dueDiligenceNote = FundsInputs.required(in.dueDiligenceNote(), "dueDiligenceNote", "请填写尽职调查的结论或报告名称", 500);
        touch(p);
        event(p, "尽职调查", p.status, p.status, p.dueDiligenceOn + "：" + p.dueDiligenceNote);
        return view(p);
    }

    /** One step on many projects, each in its own transaction: a refusal is reported for that project and the others go on. */
    public List<ProjectViews.BatchResult> decideMany(ProjectViews.BatchDecision in) {
        user.requireAnyRole(Roles.TOWNSHIP_REVIEWER, Roles.COUNTY_ADMIN, Roles.DEPARTMENT, Roles.COUNTY_APPROVER);
        if (in == null || in.items() == null || in.items().isEmpty()) {
            throw FundsInputs.invalid("items", "请选择项目");
        }
        String step = in.step() == null ? "" : in.step().strip().toUpperCase();
        if (!Set.of("TOWNSHIP_REVIEW", "ASSESSMENT", "COUNTY_DECISION").contains(step)) {
            throw FundsInputs.invalid("step", "step 为 TOWNSHIP_REVIEW（乡镇审核）、ASSESSMENT（部门论证）或 COUNTY_DECISION（县级审定）");
        }
        List<ProjectViews.BatchResult> results = new ArrayList<>();
        for (ProjectViews.BatchItem item : in.items().stream().distinct().toList()) {
            long id = item == null || item.id() == null ? 0 : item.id();
            String[] name = { null };
            try {
                // Each project in its own transaction, run again if rolled back as a deadlock (on Galera: a certification conflict).
                retry.run("ProjectService.batch", () -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
                    name[0] = visible(id).name;
                    Decision d = new Decision(in.approve(), in.opinion(), item.version());
                    switch (step) {
                        case "TOWNSHIP_REVIEW" -> townshipReview(id, d);
                        case "ASSESSMENT" -> assess(id, d);
                        default -> countyDecision(id, d);
                    }
                    return null;
                }));
                results.add(new ProjectViews.BatchResult(id, name[0], true, Boolean.TRUE.equals(in.approve()) ? "已通过" : "已退回（不通过）"));
            } catch (RuntimeException failure) {
                // A refusal, a lost optimistic lock or what the database refused: reported for this project; the others go on
                // (the ones before were committed in their own transactions and are listed).
                ApiException e = failure instanceof ApiException a ? a
                        : failure instanceof jakarta.persistence.OptimisticLockException || failure instanceof org.hibernate.StaleObjectStateException
                                ? new ApiException(PlatformError.CONCURRENT_UPDATE)
                                : refusals.refusal(failure).orElseGet(() -> new ApiException(PlatformError.INTERNAL_ERROR));
                results.add(new ProjectViews.BatchResult(id, name[0], false, e.humanMessage() + (e.fieldErrors() == null || e.fieldErrors().isEmpty() ? ""
                        : "：" + String.join("；", e.fieldErrors().stream().map(FieldError::message).toList()))));
            }
        }
        return results;
    }

    // ---------------------------------------------------------------- 立项, 竣工, 审计

    /**
     * 立项批复: each connecting-fund line names the indicator document that pays it. The document's row is locked while its
     * arranged total is summed, so two approvals cannot together take more than it holds; the fee and pooling caps hold.
     */
    @Transactional
    public ProjectView approve(long id, ApprovalInput in) {
        user.requireAnyRole(APPROVERS);
        Project p = visible(id);
        if (in == null) {
            throw FundsInputs.invalid("approvalDoc", "请填写立项批复文号");
        }
        Versions.check(p.version, in.version());
        requireStatus(p, ProjectStatus.LISTED, "立项批复");
        String doc = FundsInputs.required(in.approvalDoc(), "approvalDoc", "请填写立项批复文号", 100);
        if (in.approvedOn() == null || in.approvedOn().isAfter(clock.today()) || in.approvedOn().isBefore(p.listedOn)) {
            throw FundsInputs.invalid("approvedOn", "请填写批复日期（不早于入库日期 " + p.listedOn + "，不晚于今天）");
        }
        refuseIfFailed(rules(content(p), true, p.dueDiligenceOn != null));
        Map<Long, Long> chosen = new HashMap<>();
        for (AllocationChoice c : in.allocations() == null ? List.<AllocationChoice>of() : in.allocations()) {
            if (c == null || c.fundingId() == null || c.allocationId() == null) {
                throw FundsInputs.invalid("allocations", "请为每一项资金选择指标文件");
            }
            chosen.put(c.fundingId(), c.allocationId());
        }
        List<ProjectFunding> lines = ProjectFunding.list("projectId", Sort.by("id"), p.id);
        List<FieldError> errors = new ArrayList<>();
        Map<ProjectFunding, FundAllocation> assigned = new java.util.LinkedHashMap<>();
        for (ProjectFunding f : lines) {
            Long allocationId = chosen.get(f.id);
            if (allocationId == null) {
                if (needsDocument(f.source)) {
                    errors.add(new FieldError("allocations", f.source.label() + " " + FundsInputs.plain(f.amount) + " 元：请选择所用的资金指标文件"));
                }
                continue;
            }
            FundAllocation a = FundAllocation.findById(allocationId);
            if (a == null || a.source != f.source) {
                errors.add(new FieldError("allocations", f.source.label() + "：指标文件 " + allocationId + " 不存在或资金来源不同"));
            } else if (in.approvedOn().isBefore(a.receivedOn)) {
                errors.add(new FieldError("approvedOn", "批复日期早于指标文件 " + a.docNumber + " 的到县日期 " + a.receivedOn));
            } else {
                assigned.put(f, a);
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        lockDocuments(assigned.values());
        assigned.forEach((f, a) -> f.allocationId = a.id);
        ProjectStatus from = p.status;
        p.approvalDoc = doc;
        p.approvedOn = in.approvedOn();
        p.status = ProjectStatus.APPROVED;
        touch(p);
        // Written, then verified under the locks: what this approval adds is counted by the same sums as everyone else's.
        verifyArrangements(p);
        event(p, "立项批复", from, p.status, doc + "（" + p.approvedOn + "）");
        audit.record("APPROVE", "fund_project", String.valueOf(p.id), Map.of("status", from.name()), Map.of("status", p.status.name(), "doc", doc));
        return view(p);
    }

    @Transactional
    public ProjectView complete(long id, DateStep in) {
        return dated(id, in, ProjectStatus.APPROVED, ProjectStatus.COMPLETED, "竣工验收");
    }

    @Transactional
    public ProjectView audit(long id, DateStep in) {
        return dated(id, in, ProjectStatus.COMPLETED, ProjectStatus.AUDITED, "决算审计");
    }

    // ---------------------------------------------------------------- changes of a decided project

    @Transactional
    public ProjectView requestChange(long id, ChangeInput in) {
        user.requireAnyRole(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_REVIEWER, Roles.DEPARTMENT);
        Project p = visible(id);
        if (!p.status.decided() || p.status == ProjectStatus.AUDITED) {
            throw new ApiException(FundsError.PROJECT_STEP_NOT_ALLOWED, "县级审定后、决算审计前的项目才能申请变更；审定前请直接在各环节意见中说明");
        }
        if (in == null || in.project() == null) {
            throw FundsInputs.invalid("project", "请填写变更后的项目内容");
        }
        String reason = FundsInputs.required(in.reason(), "reason", "请填写变更理由", 1000);
        ProjectInput n = normalize(in.project());
        refuseIfFailed(rules(n, true, p.dueDiligenceOn != null));
        ProjectChange c = new ProjectChange();
        c.projectId = p.id;
        c.contentJson = write(n);
        c.reason = reason;
        c.status = ProjectChange.PENDING;
        c.pendingProjectId = p.id;
        c.requestedBy = user.username();
        c.requestedAt = clock.now();
        c.persistAndFlush();
        event(p, "申请变更", p.status, p.status, reason);
        return view(p);
    }

    /** The county decides a change: approved, the content is replaced and the version before it stays in the history. */
    @Transactional
    public ProjectView decideChange(long id, long changeId, ChangeDecision d) {
        user.requireAnyRole(COUNTY_DECIDERS);
        Project p = visible(id);
        ProjectChange c = ProjectChange.find("id = ?1 and projectId = ?2", changeId, p.id).firstResult();
        if (c == null) {
            throw new ApiException(PlatformError.NOT_FOUND, "变更申请 " + changeId);
        }
        if (!ProjectChange.PENDING.equals(c.status)) {
            throw new ApiException(FundsError.PROJECT_STEP_NOT_ALLOWED, "该变更申请已审批");
        }
        if (d == null || d.approve() == null) {
            throw FundsInputs.invalid("approve", "请选择同意或不同意");
        }
        c.decidedBy = user.username();
        c.decidedAt = clock.now();
        c.pendingProjectId = null;
        if (!d.approve()) {
            c.status = ProjectChange.REJECTED;
            c.opinion = FundsInputs.required(d.opinion(), "opinion", "不同意变更时请填写理由", 1000);
            event(p, "变更未获批准", p.status, p.status, c.opinion);
            return view(p);
        }
        if (!p.status.decided() || p.status == ProjectStatus.AUDITED) {
            throw new ApiException(FundsError.PROJECT_STEP_NOT_ALLOWED, "项目已「" + p.status.label() + "」，不能再变更");
        }
        c.status = ProjectChange.APPROVED;
        c.opinion = FundsInputs.optional(d.opinion(), "opinion", 1000);
        ProjectInput n = read(c.contentJson);
        refuseIfFailed(rules(n, true, p.dueDiligenceOn != null));
        boolean arranged = p.status == ProjectStatus.APPROVED || p.status == ProjectStatus.COMPLETED;
        List<ProjectFunding> before = ProjectFunding.list("projectId", Sort.by("id"), p.id);
        if (arranged) {
            lockDocuments(before.stream().filter(f -> f.allocationId != null).map(f -> (FundAllocation) FundAllocation.findById(f.allocationId)).toList());
        }
        apply(p, n);
        p.revision = p.revision + 1;
        touch(p);
        changeFundings(p, before, n.fundings(), arranged);
        writeDetails(p, n, false);
        if (arranged) {
            verifyArrangements(p);
        }
        revision(p, c.reason);
        event(p, "变更批准（第" + p.revision + "版）", p.status, p.status, c.reason);
        audit.record("CHANGE", "fund_project", String.valueOf(p.id), Map.of("revision", p.revision - 1), Map.of("revision", p.revision));
        return view(p);
    }

    /** Sources paid from an indicator document: connecting and integrated funds (定点帮扶 and 社会捐赠 need none). */
    static boolean needsDocument(FundSource source) {
        return source != FundSource.DONATION && source != FundSource.PAIRED_ASSISTANCE;
    }

    /**
     * Locks every indicator document of the years and sources involved, in one order (year, source, id) so that two
     * approvals never wait on each other crosswise. Plain SELECT … FOR UPDATE: Hibernate's MySQL dialect writes
     * "FOR UPDATE OF alias", which MariaDB refuses. The caps are judged over a year's documents of a source, so all of
     * them are locked, not only the one chosen.
     */
    private void lockDocuments(java.util.Collection<FundAllocation> documents) {
        new TreeSet<>(documents.stream().map(a -> a.year + "/" + a.source.name()).toList()).forEach(key -> {
            String[] ys = key.split("/");
            FundAllocation.getEntityManager().createNativeQuery("SELECT id FROM fund_allocation WHERE year = ?1 AND source = ?2 ORDER BY id FOR UPDATE")
                    .setParameter(1, Integer.parseInt(ys[0])).setParameter(2, ys[1]).getResultList();
        });
    }

    /**
     * After this project's lines are written: no document it draws on is arranged beyond its amount, and the year's fee
     * and pooling caps hold. Locking reads, so that under REPEATABLE READ the sums see every committed arrangement and
     * not the transaction's first snapshot. A breach throws, and the transaction rolls back whole.
     */
    private void verifyArrangements(Project p) {
        ProjectFunding.flush();
        var em = ProjectFunding.getEntityManager();
        List<ProjectFunding> lines = ProjectFunding.list("projectId = ?1 and allocationId is not null", Sort.by("id"), p.id);
        Set<String> capped = new TreeSet<>();
        for (ProjectFunding f : lines) {
            FundAllocation a = FundAllocation.findById(f.allocationId);
            BigDecimal arranged = (BigDecimal) em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM fund_project_funding WHERE allocation_id = ?1 FOR UPDATE")
                    .setParameter(1, a.id).getSingleResult();
            if (arranged.compareTo(a.amount) > 0) {
                throw new ApiException(FundsError.FUNDING_EXCEEDS_ALLOCATION, a.docNumber + "（" + a.source.label() + "）共 " + FundsInputs.plain(a.amount)
                        + " 元，连同本项目 " + FundsInputs.plain(f.amount) + " 元已安排 " + FundsInputs.plain(arranged) + " 元");
            }
            if (capped.add(a.year + "/" + f.source.name())) {
                for (FundCaps.Share s : caps.exceeded(a.year, p, f.source, BigDecimal.ZERO)) {
                    throw new ApiException(s.rule().startsWith("项目管理费") ? FundsError.FEE_CAP_EXCEEDED : FundsError.POOLING_CAP_EXCEEDED,
                            s.rule() + "：立项后为 " + FundsInputs.plain(s.part()) + " 元，占 " + a.year + " 年" + s.source() + " " + FundsInputs.plain(s.base())
                                    + " 元的 " + (s.percent() == null ? "—" : s.percent().toPlainString() + "%") + "，超过 " + s.limit().toPlainString()
                                    + "%（依据：" + s.citation() + "）");
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers: flow

    private Project decisionTarget(long id, Decision d, ProjectStatus needed, String step) {
        Project p = visible(id);
        if (d == null || d.approve() == null) {
            throw FundsInputs.invalid("approve", "请选择通过或不通过");
        }
        Versions.check(p.version, d.version());
        requireStatus(p, needed, step);
        return p;
    }

    private ProjectView decide(Project p, Decision d, String step, ProjectStatus next) {
        ProjectStatus from = p.status;
        String opinion;
        if (Boolean.TRUE.equals(d.approve())) {
            opinion = FundsInputs.optional(d.opinion(), "opinion", 1000);
            p.status = next;
        } else {
            opinion = FundsInputs.required(d.opinion(), "opinion", "不通过时请填写理由", 1000);
            p.status = ProjectStatus.REJECTED;
        }
        touch(p);
        event(p, step + (Boolean.TRUE.equals(d.approve()) ? "通过" : "不通过"), from, p.status, opinion);
        return view(p);
    }

    private ProjectView dated(long id, DateStep in, ProjectStatus needed, ProjectStatus next, String step) {
        user.requireAnyRole(Roles.COUNTY_ADMIN);
        Project p = visible(id);
        if (in == null) {
            throw FundsInputs.invalid("date", "请填写" + step + "日期");
        }
        Versions.check(p.version, in.version());
        requireStatus(p, needed, step);
        LocalDate after = next == ProjectStatus.COMPLETED ? p.approvedOn : p.completedOn;
        if (in.date() == null || in.date().isAfter(clock.today()) || in.date().isBefore(after)) {
            throw FundsInputs.invalid("date", "请填写" + step + "日期（不早于 " + after + "，不晚于今天）");
        }
        if (next == ProjectStatus.COMPLETED) {
            p.completedOn = in.date();
        } else {
            p.auditedOn = in.date();
        }
        ProjectStatus from = p.status;
        p.status = next;
        touch(p);
        event(p, step, from, next, String.valueOf(in.date()));
        return view(p);
    }

    /** The China date the project entered its current status (its latest step to that status). */
    private static LocalDate statusSince(Project p) {
        ProjectEvent e = ProjectEvent.find("projectId = ?1 and toStatus = ?2 order by id desc", p.id, p.status).firstResult();
        java.time.Instant at = e == null ? p.createdAt : e.at;
        return LocalDate.ofInstant(at, cn.fpjc.core.platform.clock.AppClock.CHINA);
    }

    private static void requireStatus(Project p, ProjectStatus needed, String step) {
        if (p.status != needed) {
            throw new ApiException(FundsError.PROJECT_STEP_NOT_ALLOWED, step + "须在「" + needed.label() + "」环节办理，项目当前为「" + p.status.label() + "」");
        }
    }

    /** The notice of {@code kind} for the project's version must have been published and be over (today after its last day). */
    private void requireNoticeOver(Project p, NoticeKind kind) {
        if (kind == NoticeKind.VILLAGE_NOTICE && p.townshipCode == null) {
            return;
        }
        ProjectNotice n = ProjectNotice.find("projectId = ?1 and kind = ?2 and revision = ?3", p.id, kind, p.revision).firstResult();
        if (n == null) {
            throw new ApiException(FundsError.NOTICE_NOT_OVER, "尚未发布" + kind.label());
        }
        if (!n.endsOn.isBefore(clock.today())) {
            throw new ApiException(FundsError.NOTICE_NOT_OVER, kind.label() + "至 " + n.endsOn + " 期满，" + n.endsOn.plusDays(1) + " 起可办理");
        }
    }

    private void touch(Project p) {
        p.updatedAt = clock.now();
        p.persistAndFlush();
    }

    private void event(Project p, String step, ProjectStatus from, ProjectStatus to, String opinion) {
        ProjectEvent e = new ProjectEvent();
        e.projectId = p.id;
        e.step = step;
        e.fromStatus = from;
        e.toStatus = to;
        e.opinion = opinion;
        e.actor = user.username();
        e.at = clock.now();
        e.persist();
    }

    private void revision(Project p, String reason) {
        ProjectRevision r = new ProjectRevision();
        r.projectId = p.id;
        r.revision = p.revision;
        r.contentJson = write(content(p));
        r.reason = reason;
        r.approvedBy = user.username();
        r.approvedAt = clock.now();
        r.persist();
    }

    // ---------------------------------------------------------------- helpers: rules and content

    private List<RuleCheck> rules(ProjectInput n, boolean atDecision, boolean dueDiligenceDone) {
        return ProjectRules.check(new ProjectRules.Facts(ProjectNature.valueOf(n.nature()), FundUsage.valueOf(n.usage()), n.enterpriseRun(),
                n.linkages().size(), n.targets().size(), n.fundings(), dueDiligenceDone), key -> allocations.parameter(key, n.year()), atDecision);
    }

    private static void refuseIfFailed(List<RuleCheck> checks) {
        List<RuleCheck> failed = checks.stream().filter(RuleCheck::failed).toList();
        if (!failed.isEmpty()) {
            throw new ApiException(FundsError.PROJECT_REFUSED, failed.stream()
                    .map(c -> "「" + c.rule() + "」不符合：" + c.fact() + (c.source() == null ? "" : "（依据：" + c.source() + "）"))
                    .collect(Collectors.joining("；")));
        }
    }

    /** Checks a declaration or change and returns it with canonical names, villages sorted, amounts to the fen. */
    private ProjectInput normalize(ProjectInput in) {
        if (in == null) {
            throw FundsInputs.invalid("name", "请填写项目内容");
        }
        List<FieldError> errors = new ArrayList<>();
        int year = FundsInputs.year(in.year(), "year");
        String name = FundsInputs.required(in.name(), "name", "请填写项目名称", 200);
        ProjectCategory category = cn.fpjc.core.platform.text.Inputs.required(ProjectCategory.class, in.category(), "category", "项目类型", errors);
        ProjectNature nature = cn.fpjc.core.platform.text.Inputs.required(ProjectNature.class, in.nature(), "nature", "项目性质", errors);
        FundUsage usage = cn.fpjc.core.platform.text.Inputs.required(FundUsage.class, in.usage(), "usage", "资金用途", errors);
        String content = FundsInputs.required(in.content(), "content", "请填写建设内容及规模", 2000);
        String implementer = FundsInputs.required(in.implementer(), "implementer", "请填写实施主体", 200);
        Set<String> villages = new TreeSet<>();
        for (String v : in.villages() == null ? List.<String>of() : in.villages()) {
            String code = v == null ? "" : v.strip();
            OrgUnit unit = OrgUnit.findByCode(code).orElse(null);
            if (unit == null || unit.level != OrgLevel.VILLAGE || !OrgScope.covers(user.orgCode(), code)) {
                errors.add(new FieldError("villages", "村 " + code + " 不存在或不在本人范围内"));
            } else {
                villages.add(code);
            }
        }
        Set<String> townships = villages.stream().map(OrgScope::townshipOf).collect(Collectors.toCollection(TreeSet::new));
        String township = townships.size() == 1 ? townships.iterator().next() : null;
        if (villages.isEmpty()) {
            String t = in.townshipCode() == null || in.townshipCode().isBlank() ? null : in.townshipCode().strip();
            if (t != null && (!OrgScope.isTownship(t) || !OrgScope.covers(user.orgCode(), t) || OrgUnit.findByCode(t).isEmpty())) {
                errors.add(new FieldError("townshipCode", "乡镇 " + t + " 不存在或不在本人范围内"));
            }
            township = t;
        }
        if (township == null && !OrgScope.isCounty(user.orgCode())) {
            errors.add(new FieldError("villages", "跨乡镇或县级项目由县级部门申报：请选择本乡镇（村）范围内的村"));
        }
        List<FundingInput> fundings = new ArrayList<>();
        Set<FundSource> seen = new LinkedHashSet<>();
        for (FundingInput f : in.fundings() == null ? List.<FundingInput>of() : in.fundings()) {
            FundSource s = f == null ? null : Labelled.parse(FundSource.class, f.source());
            if (s == null) {
                errors.add(new FieldError("fundings", "资金来源应为：" + String.join("、", Labelled.labels(FundSource.class))));
                continue;
            }
            if (!seen.add(s)) {
                errors.add(new FieldError("fundings", s.label() + "重复：每个来源填一行"));
                continue;
            }
            fundings.add(new FundingInput(s.name(), FundsInputs.money(f.amount(), "fundings", s.label() + "金额")));
        }
        if (fundings.isEmpty()) {
            errors.add(new FieldError("fundings", "请填写项目资金（至少一个来源）"));
        }
        List<LinkageInput> linkages = new ArrayList<>();
        for (LinkageInput l : in.linkages() == null ? List.<LinkageInput>of() : in.linkages()) {
            LinkageKind k = l == null ? null : Labelled.parse(LinkageKind.class, l.kind());
            if (k == null) {
                errors.add(new FieldError("linkages", "联农带农方式应为：" + String.join("、", Labelled.labels(LinkageKind.class))));
                continue;
            }
            String description = FundsInputs.required(l.description(), "linkages", "请说明「" + k.label() + "」的具体做法（如收益分配、用工、分红方式）", 1000);
            Set<Long> ids = new TreeSet<>(l.householdIds() == null ? List.of() : l.householdIds().stream().filter(x -> x != null).toList());
            if (!ids.isEmpty()) {
                List<Household> found = InLists.list(Household.getEntityManager(), "from Household where id in :keys and active = true",
                        Household.class, ids);
                for (Household h : found) {
                    if (!OrgScope.covers(user.orgCode(), h.villageCode) || (!villages.isEmpty() && !villages.contains(h.villageCode))) {
                        errors.add(new FieldError("linkages", "户 " + h.householdNo + " 不在项目涉及的村"));
                    }
                }
                if (found.size() != ids.size()) {
                    errors.add(new FieldError("linkages", "受益农户中有 " + (ids.size() - found.size()) + " 户不在户籍库或已注销"));
                }
            }
            linkages.add(new LinkageInput(k.name(), description, List.copyOf(ids)));
        }
        List<TargetInput> targets = new ArrayList<>();
        for (TargetInput t : in.targets() == null ? List.<TargetInput>of() : in.targets()) {
            TargetKind k = t == null ? null : Labelled.parse(TargetKind.class, t.kind());
            if (k == null) {
                errors.add(new FieldError("targets", "绩效目标类型应为：" + String.join("、", Labelled.labels(TargetKind.class))));
                continue;
            }
            targets.add(new TargetInput(k.name(), FundsInputs.required(t.indicator(), "targets", "请填写绩效指标名称", 100),
                    FundsInputs.required(t.targetValue(), "targets", "请填写绩效目标值", 100)));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        return new ProjectInput(year, name, category.name(), nature.name(), usage.name(), township, List.copyOf(villages), content, implementer,
                Boolean.TRUE.equals(in.enterpriseRun()), Boolean.TRUE.equals(in.nonPoorVillages()), fundings, linkages, targets);
    }

    private static void apply(Project p, ProjectInput n) {
        p.year = n.year();
        p.name = n.name();
        p.category = ProjectCategory.valueOf(n.category());
        p.nature = ProjectNature.valueOf(n.nature());
        p.usage = FundUsage.valueOf(n.usage());
        p.townshipCode = n.townshipCode();
        p.villages.clear();
        p.villages.addAll(n.villages());
        p.content = n.content();
        p.implementer = n.implementer();
        p.enterpriseRun = n.enterpriseRun();
        p.nonPoorVillages = n.nonPoorVillages();
    }

    /** Replaces the project's mechanisms, households and targets, and with {@code withFundings} its funding lines too (a declaration). */
    private static void writeDetails(Project p, ProjectInput n, boolean withFundings) {
        ProjectLinkage.delete("projectId", p.id);
        ProjectBeneficiary.delete("projectId", p.id);
        ProjectTarget.delete("projectId", p.id);
        if (withFundings) {
            for (FundingInput f : n.fundings()) {
                ProjectFunding row = new ProjectFunding();
                row.projectId = p.id;
                row.source = FundSource.valueOf(f.source());
                row.amount = f.amount();
                row.persist();
            }
        }
        Set<String> beneficiaries = new java.util.HashSet<>();
        for (LinkageInput l : n.linkages()) {
            ProjectLinkage row = new ProjectLinkage();
            row.projectId = p.id;
            row.kind = LinkageKind.valueOf(l.kind());
            row.description = l.description();
            row.persist();
            for (Long h : l.householdIds()) {
                if (beneficiaries.add(h + "/" + l.kind())) {
                    ProjectBeneficiary b = new ProjectBeneficiary();
                    b.projectId = p.id;
                    b.householdId = h;
                    b.kind = row.kind;
                    b.persist();
                }
            }
        }
        for (TargetInput t : n.targets()) {
            ProjectTarget row = new ProjectTarget();
            row.projectId = p.id;
            row.kind = TargetKind.valueOf(t.kind());
            row.indicator = t.indicator();
            row.targetValue = t.targetValue();
            row.persist();
        }
        ProjectFunding.flush();
    }

    /**
     * A change's funding lines, each source's row updated in place (payments point at it, and it keeps its document). Once
     * approved (立项), a change may not add a source that needs a document (the approval assigned them), nor lower or
     * drop a line below what has been paid from it.
     */
    private static void changeFundings(Project p, List<ProjectFunding> before, List<FundingInput> after, boolean arranged) {
        Map<FundSource, ProjectFunding> rows = new HashMap<>();
        before.forEach(f -> rows.put(f.source, f));
        Set<FundSource> kept = new java.util.HashSet<>();
        for (FundingInput in : after) {
            FundSource source = FundSource.valueOf(in.source());
            kept.add(source);
            ProjectFunding row = rows.get(source);
            if (row == null) {
                if (arranged && needsDocument(source)) {
                    throw new ApiException(FundsError.PROJECT_STEP_NOT_ALLOWED, "已立项的项目变更不能新增" + source.label() + "：须指定资金指标文件的资金请另行立项");
                }
                row = new ProjectFunding();
                row.projectId = p.id;
                row.source = source;
            } else if (arranged) {
                BigDecimal paid = paid(row.id);
                if (in.amount().compareTo(paid) < 0) {
                    throw new ApiException(FundsError.PROJECT_STEP_NOT_ALLOWED, source.label() + "已支付 " + FundsInputs.plain(paid) + " 元，变更后的金额不能低于已支付金额");
                }
            }
            row.amount = in.amount();
            row.persist();
        }
        for (ProjectFunding row : before) {
            if (!kept.contains(row.source)) {
                if (paid(row.id).signum() != 0 || hasPayments(row.id)) {
                    throw new ApiException(FundsError.PROJECT_STEP_NOT_ALLOWED, row.source.label() + "已有支出记录，变更不能取消这一资金来源");
                }
                row.delete();
            }
        }
    }

    /**
     * What has been paid from a funding line (reversals subtracted). Native SQL over the spending package's table: spending
     * builds on this package, never the other way round.
     */
    private static BigDecimal paid(long fundingId) {
        return (BigDecimal) ProjectFunding.getEntityManager().createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM fund_payment WHERE funding_id = ?1")
                .setParameter(1, fundingId).getSingleResult();
    }

    private static boolean hasPayments(long fundingId) {
        return !ProjectFunding.getEntityManager().createNativeQuery("SELECT id FROM fund_payment WHERE funding_id = ?1 LIMIT 1").setParameter(1, fundingId)
                .getResultList().isEmpty();
    }

    /** The project's content as a declaration reads it: what a version keeps and a change replaces. */
    private static ProjectInput content(Project p) {
        List<FundingInput> fundings = ProjectFunding.<ProjectFunding>list("projectId", Sort.by("id"), p.id).stream()
                .map(f -> new FundingInput(f.source.name(), f.amount)).toList();
        Map<LinkageKind, List<Long>> households = new HashMap<>();
        for (ProjectBeneficiary b : ProjectBeneficiary.<ProjectBeneficiary>list("projectId", p.id)) {
            households.computeIfAbsent(b.kind, k -> new ArrayList<>()).add(b.householdId);
        }
        List<LinkageInput> linkages = ProjectLinkage.<ProjectLinkage>list("projectId", Sort.by("id"), p.id).stream()
                .map(l -> new LinkageInput(l.kind.name(), l.description, households.getOrDefault(l.kind, List.of()).stream().sorted().toList())).toList();
        List<TargetInput> targets = ProjectTarget.<ProjectTarget>list("projectId", Sort.by("id"), p.id).stream()
                .map(t -> new TargetInput(t.kind.name(), t.indicator, t.targetValue)).toList();
        return new ProjectInput(p.year, p.name, p.category.name(), p.nature.name(), p.usage.name(), p.townshipCode, List.copyOf(p.villages), p.content,
                p.implementer, p.enterpriseRun, p.nonPoorVillages, fundings, linkages, targets);
    }

    private String write(ProjectInput n) {
        try {
            return json.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProjectInput read(String text) {
        try {
            return json.readValue(text, ProjectInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored project version does not read back", e);
        }
    }

    // ---------------------------------------------------------------- helpers: scope and views

    /** The project if the reader's org unit covers it; anything else is "not found", so nothing leaks across townships. */
    private Project visible(long id) {
        Project p = Project.findById(id);
        if (p == null || !p.coveredBy(user.orgCode())) {
            throw new ApiException(PlatformError.NOT_FOUND, "项目 " + id);
        }
        return p;
    }

    private void scopeFilter(StringBuilder where, Map<String, Object> params) {
        String org = user.orgCode();
        if (OrgScope.isCounty(org)) {
            return;
        }
        if (OrgScope.isTownship(org)) {
            // The township's own projects and county-level ones that include one of its villages (as Project.coveredBy).
            where.append(" and (p.townshipCode = :scope or exists (select 1 from Project q join q.villages v where q.id = p.id and v like :prefix))");
            params.put("prefix", OrgScope.likePrefix(org));
        } else {
            where.append(" and :scope member of p.villages");
        }
        params.put("scope", org);
    }

    /** What the project needs next, in words. */
    static String next(Project p) {
        return switch (p.status) {
            case DECLARED -> "发布村级申报公示，期满后乡镇审核";
            case TOWNSHIP_REVIEWED -> "发布乡镇审核公示，期满后行业部门论证";
            case ASSESSED -> "县级审定";
            case COUNTY_DECIDED -> "发布县级审定公示，期满后发布入库公告";
            case LISTED -> "立项批复（指定资金指标文件）";
            case APPROVED -> "实施，竣工后验收";
            case COMPLETED -> "决算审计";
            case AUDITED -> "登记项目资产";
            case REJECTED -> "已终止";
        };
    }

    private List<ProjectRow> rows(List<Project> projects) {
        Map<Long, BigDecimal> totals = totals(projects.stream().map(p -> p.id).toList());
        return projects.stream().map(p -> new ProjectRow(p.id, p.year, p.name, p.category.label(), p.nature.label(), p.townshipCode,
                List.copyOf(p.villages), totals.getOrDefault(p.id, BigDecimal.ZERO.setScale(2)), p.status.name(), p.status.label(), next(p), p.version)).toList();
    }

    private static Map<Long, BigDecimal> totals(List<Long> ids) {
        Map<Long, BigDecimal> totals = new HashMap<>();
        for (Object[] r : InLists.list(ProjectFunding.getEntityManager(),
                "select f.projectId, sum(f.amount) from ProjectFunding f where f.projectId in :keys group by f.projectId", Object[].class, ids)) {
            totals.put((Long) r[0], (BigDecimal) r[1]);
        }
        return totals;
    }

    private ProjectView view(Project p) {
        List<ProjectFunding> lines = ProjectFunding.list("projectId", Sort.by("id"), p.id);
        Set<Long> allocationIds = lines.stream().map(f -> f.allocationId).filter(x -> x != null).collect(Collectors.toSet());
        Map<Long, String> docs = InLists.list(FundAllocation.getEntityManager(), "from FundAllocation where id in :keys", FundAllocation.class,
                allocationIds).stream().collect(Collectors.toMap(a -> a.id, a -> a.docNumber));
        List<FundingView> fundings = lines.stream().map(f -> new FundingView(f.id, f.source.name(), f.source.label(), f.amount, f.allocationId,
                f.allocationId == null ? null : docs.get(f.allocationId))).toList();
        BigDecimal total = lines.stream().map(f -> f.amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        List<ProjectBeneficiary> beneficiaries = ProjectBeneficiary.list("projectId", p.id);
        Set<Long> householdIds = beneficiaries.stream().map(b -> b.householdId).collect(Collectors.toSet());
        Map<Long, Household> households = InLists.list(Household.getEntityManager(), "from Household where id in :keys", Household.class,
                householdIds).stream().collect(Collectors.toMap(h -> h.id, h -> h));
        Map<Long, String> heads = heads(households.values());
        List<LinkageView> linkages = new ArrayList<>();
        for (ProjectLinkage l : ProjectLinkage.<ProjectLinkage>list("projectId", Sort.by("id"), p.id)) {
            List<BeneficiaryView> hs = beneficiaries.stream().filter(b -> b.kind == l.kind).map(b -> households.get(b.householdId))
                    .filter(h -> h != null).sorted(java.util.Comparator.comparing(h -> h.householdNo))
                    .map(h -> new BeneficiaryView(h.id, h.householdNo, heads.get(h.id), h.category == null ? null : h.category.label(), h.villageCode)).toList();
            linkages.add(new LinkageView(l.kind.name(), l.kind.label(), l.description, hs));
        }
        List<TargetView> targets = ProjectTarget.<ProjectTarget>list("projectId", Sort.by("id"), p.id).stream()
                .map(t -> new TargetView(t.kind.name(), t.kind.label(), t.indicator, t.targetValue)).toList();
        LocalDate today = clock.today();
        List<NoticeView> notices = ProjectNotice.<ProjectNotice>list("projectId", Sort.by("id"), p.id).stream()
                .map(n -> new NoticeView(n.id, n.kind.name(), n.kind.label(), n.revision, n.startsOn, n.endsOn, n.periodRule, n.place,
                        n.endsOn.isBefore(today), n.publishedBy, n.publishedAt)).toList();
        List<EventView> history = ProjectEvent.<ProjectEvent>list("projectId", Sort.by("id"), p.id).stream()
                .map(e -> new EventView(e.step, e.fromStatus == null ? null : e.fromStatus.name(), e.toStatus.name(), e.toStatus.label(), e.opinion,
                        e.actor, e.at)).toList();
        List<RevisionView> revisions = ProjectRevision.<ProjectRevision>list("projectId", Sort.by("revision"), p.id).stream()
                .map(r -> new RevisionView(r.revision, r.reason, r.approvedBy, r.approvedAt, read(r.contentJson))).toList();
        List<ChangeView> changes = ProjectChange.<ProjectChange>list("projectId", Sort.by("id"), p.id).stream()
                .map(c -> new ChangeView(c.id, c.status, c.reason, c.requestedBy, c.requestedAt, c.decidedBy, c.decidedAt, c.opinion, read(c.contentJson)))
                .toList();
        List<RuleCheck> checks = rules(content(p), p.status.decided(), p.dueDiligenceOn != null);
        return new ProjectView(p.id, p.year, p.name, p.category.name(), p.category.label(), p.nature.name(), p.nature.label(), p.usage.name(),
                p.usage.label(), p.townshipCode, List.copyOf(p.villages), p.content, p.implementer, p.enterpriseRun, p.nonPoorVillages, total, fundings,
                linkages, targets, p.status.name(), p.status.label(), next(p), p.listedOn, p.approvalDoc, p.approvedOn, p.completedOn, p.auditedOn,
                p.dueDiligenceOn, p.dueDiligenceNote, p.revision, checks, notices, history, revisions, changes, p.version);
    }

    private static Map<Long, String> heads(java.util.Collection<Household> households) {
        Map<Long, String> heads = new HashMap<>();
        for (Member m : InLists.list(Member.getEntityManager(), "from Member where householdId in :keys and relation = :head and active = true",
                Member.class, households.stream().map(h -> h.id).toList(), q -> q.setParameter("head", cn.fpjc.core.registry.Relation.HEAD))) {
            heads.put(m.householdId, m.name);
        }
        return heads;
    }
}
