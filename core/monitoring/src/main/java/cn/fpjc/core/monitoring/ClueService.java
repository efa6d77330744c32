package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.error.Versions;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.registry.RegistryError;

import cn.fpjc.core.platform.text.Inputs;
import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.calendar.Due;
import cn.fpjc.core.platform.calendar.WorkingDayCalendar;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.monitoring.ClueRequests.AlertBatch;
import cn.fpjc.core.monitoring.ClueRequests.AlertRow;
import cn.fpjc.core.monitoring.ClueRequests.RecordClue;
import cn.fpjc.core.monitoring.ClueRequests.SelfReport;
import cn.fpjc.core.monitoring.ClueRequests.Verification;
import cn.fpjc.core.monitoring.ClueViews.AlertIntake;
import cn.fpjc.core.monitoring.ClueViews.ClueView;
import cn.fpjc.core.monitoring.ClueViews.PublicStatus;
import cn.fpjc.core.monitoring.ClueViews.Unmatched;
import cn.fpjc.core.platform.org.OrgLevel;
import cn.fpjc.core.platform.org.OrgUnit;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.IdNumber;
import cn.fpjc.core.registry.Member;
import cn.fpjc.core.registry.PersonalDataCipher;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Risk clues (风险线索, DOMAIN.md §2; seeds 000 一(一), 001 第三部分一(二)1): recorded by staff, reported by the public,
 * or pushed by a line department and matched to the registry by ID number. A clue about a household already under
 * monitoring (监测户) is attached to it rather than starting anew; every other clue must be verified at home within
 * {@code monitoring.clue-verify-days} of the report, on the working-day calendar, and closed with the finding — the
 * closed loop the department alerts require.
 */
@ApplicationScoped
public class ClueService {
    @Inject
    AppClock clock;

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Roles that record and verify clues in their org scope (as for the registry). */
    public static final String[] STAFF = RegistryService.WRITERS;

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    AuditLog audit;

    @Inject
    EffectiveParameters parameters;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    cn.fpjc.core.platform.files.FileLimits fileLimits;

    // ---------------------------------------------------------------- intake

    @Transactional
    public ClueView record(RecordClue in) {
        user.requireAnyRole(STAFF);
        List<FieldError> errors = new ArrayList<>();
        ClueChannel channel = Inputs.required(ClueChannel.class, in.channel(), "channel", "线索来源", errors);
        if (channel == ClueChannel.DEPARTMENT_ALERT) {
            errors.add(new FieldError("channel", "部门预警请由部门批量推送"));
        }
        Member registered = in.memberId() == null ? null : registeredMember(in.memberId());
        String village = village(registered == null ? in.villageCode() : Household.<Household>findById(registered.householdId).villageCode,
                true, errors);
        LocalDate today = clock.today();
        LocalDate reported = in.reportedOn() == null ? today : in.reportedOn();
        if (reported.isAfter(today)) {
            errors.add(new FieldError("reportedOn", "发现日期不能晚于今天"));
        }
        RiskClue c = registered == null ? person(in.name(), in.idNumber(), in.phone(), in.description(), errors)
                : person(registered, in.phone(), in.description(), errors);
        c.riskCategories = RiskCategory.toStored(in.riskCategories(), errors);
        if (channel == ClueChannel.CADRE_SCREENING) {
            c.screeningKind = Inputs.required(ScreeningKind.class, in.screeningKind(), "screeningKind", "排查方式", errors);
            c.campaign = c.screeningKind == ScreeningKind.CAMPAIGN ? Inputs.blankToNull(in.campaign()) : null;
            if (c.screeningKind == ScreeningKind.CAMPAIGN && c.campaign == null) {
                errors.add(new FieldError("campaign", "请填写集中排查的名称（如“2024年第一次集中排查”）"));
            } else if (c.campaign != null && c.campaign.length() > 100) {
                errors.add(new FieldError("campaign", "名称不超过100字"));
            }
        }
        ApiException.refuseIfAny(errors);
        c.channel = channel;
        c.sourceDetail = Inputs.blankToNull(in.sourceDetail());
        c.villageCode = village;
        c.reportedOn = reported;
        return open(c, user.username(), false);
    }

    /**
     * The public form: the tenant is the county in the path. The answer is the same whatever the registry holds for the
     * ID number — a monitored member's, an ordinary member's or an unknown one: the clue stays open for the village to
     * verify, due from the report date. The match with the registry is for staff ({@link RegistryMatch}).
     */
    @Transactional
    public PublicStatus selfReport(SelfReport in) {
        List<FieldError> errors = new ArrayList<>();
        String village = village(in.villageCode(), false, errors);
        RiskClue c = person(in.name(), in.idNumber(), in.phone(), in.description(), errors);
        if (c.phone == null) {
            errors.add(new FieldError("phone", "请填写联系电话，便于核实"));
        }
        ApiException.refuseIfAny(errors);
        c.channel = ClueChannel.SELF_REPORT;
        c.sourceDetail = "网上自主申报";
        c.villageCode = village;
        c.reportedOn = clock.today();
        open(c, "公众自主申报", true);
        return publicView(c, "已收到您的申报，村（社区）将在" + (c.verifyDue == null ? "规定时限内" : c.verifyDue + "前")
                + "入户核实。请记下查询编号：" + c.trackingNo);
    }

    /** What a reporter may see with the tracking number: status and dates, never personal data. */
    public PublicStatus publicStatus(String trackingNo) {
        RiskClue c = trackingNo == null ? null : RiskClue.findByTrackingNo(trackingNo.strip().toUpperCase()).orElse(null);
        if (c == null) {
            throw new ApiException(PlatformError.NOT_FOUND, "查询编号");
        }
        return publicView(c, verified(c) ? "已入户核实，后续由村（社区）联系申报人" : "已受理，村（社区）将入户核实");
    }

    /**
     * Two generic states only: 待核实 until the village records its visit, then 已核实 — never the finding or whether the
     * household is monitored (ATTACHED, kept for staff and department clues, reads as not yet verified).
     */
    private static PublicStatus publicView(RiskClue c, String message) {
        return new PublicStatus(c.trackingNo, verified(c) ? "已核实" : ClueStatus.OPEN.label(), c.reportedOn,
                verified(c) ? null : c.verifyDue, message);
    }

    private static boolean verified(RiskClue c) {
        return c.status != ClueStatus.OPEN && c.status != ClueStatus.ATTACHED;
    }

    /**
     * A department's batch: every row is matched by ID number; a row not in the registry, malformed or repeated is
     * reported back with why, and nothing of it is stored. Matched rows become clues of their household's village.
     */
    @Transactional
    public AlertIntake intakeAlerts(AlertBatch batch) {
        user.requireAnyRole(Roles.DEPARTMENT, Roles.COUNTY_ADMIN);
        if (batch == null || batch.department() == null || batch.department().isBlank()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("department", "请填写推送部门")));
        }
        List<AlertRow> rows = batch.rows() == null ? List.of() : batch.rows();
        if (rows.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("rows", "没有预警数据")));
        }
        LocalDate reported = batch.reportedOn() == null ? clock.today() : batch.reportedOn();
        List<ClueView> clues = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int attached = 0;
        for (int i = 0; i < rows.size(); i++) {
            AlertRow r = rows.get(i);
            int rowNo = r.rowNo() != null ? r.rowNo() : i + 1;
            String name = r.name() == null ? "" : r.name().strip();
            IdNumber id;
            try {
                id = IdNumber.parse(r.idNumber(), clock.today());
            } catch (IdNumber.Invalid e) {
                unmatched.add(new Unmatched(rowNo, name, null, e.getMessage()));
                continue;
            }
            if (!seen.add(id.value())) {
                unmatched.add(new Unmatched(rowNo, name, id.masked(), "与本批前面的行是同一人"));
                continue;
            }
            Member m = Member.findByHash(cipher.lookupHash(id)).filter(x -> x.active).orElse(null);
            if (m == null) {
                unmatched.add(new Unmatched(rowNo, name, id.masked(), "不在本县农户信息中，请核对身份证号或告知其户籍所在县"));
                continue;
            }
            List<FieldError> errors = new ArrayList<>();
            // Several categories in one cell, as the export writes them (因病、因残).
            String categories = RiskCategory.toStored(r.riskCategory() == null ? List.of()
                    : java.util.Arrays.stream(r.riskCategory().split("[、,，;；]")).map(String::strip).filter(x -> !x.isEmpty()).toList(), errors);
            if (!errors.isEmpty()) {
                unmatched.add(new Unmatched(rowNo, name, id.masked(), errors.get(0).message()));
                continue;
            }
            Household h = Household.findById(m.householdId);
            ClueView v = open(alertClue(m.name, id, categories, r.description(), "部门预警", batch.department(), h.villageCode, reported),
                    user.username(), false);
            if (v.status().equals(ClueStatus.ATTACHED.name())) {
                attached++;
            }
            clues.add(v);
        }
        return new AlertIntake(rows.size(), clues.size(), attached, clues, unmatched);
    }

    /** Who takes in the national system's comparison lists: the county's staff (the lists come back to the county). */
    public static final String[] COMPARISON_IMPORTERS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER };

    /** Refuses other roles before the file is read (a 403, not a 400 about a file they may not send). */
    public void requireComparisonImporter() {
        user.requireAnyRole(COMPARISON_IMPORTERS);
    }

    /** Where a 数据比对 clue came from, as its source detail says (the channel is 部门筛查预警). */
    static final String COMPARISON_SOURCE = "全国系统数据比对";

    /**
     * The national system's 数据比对 result list (AlertFiles#COMPARISON) as clues of the channel 部门筛查预警, one per
     * person. Every row is answered: accepted — a new clue due for 入户核实, or attached to a household already under
     * monitoring — or refused with why (an invalid ID number, the same person twice in the file, a clue about the person
     * still waiting for 入户核实, a village that is not the county's, a person neither registered nor placed in a village, an
     * unknown risk category). The whole list is one transaction: refused rows are never stored, and if the request fails
     * nothing of it is.
     */
    @Transactional
    public ClueViews.ComparisonIntake intakeComparison(LocalDate reportedOn, List<ClueRequests.ComparisonRow> rows) {
        user.requireAnyRole(COMPARISON_IMPORTERS);
        LocalDate today = clock.today();
        LocalDate reported = reportedOn == null ? today : reportedOn;
        if (reported.isAfter(today)) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("reportedOn", "比对日期不能晚于今天")));
        }
        if (rows.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("file", "文件中没有比对数据")));
        }
        List<ClueViews.ComparisonLine> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<OrgUnit>> villagesByName = null;
        int accepted = 0;
        int attached = 0;
        for (ClueRequests.ComparisonRow r : rows) {
            String name = r.name() == null ? "" : r.name().strip();
            IdNumber id;
            try {
                id = IdNumber.parse(r.idNumber(), today);
            } catch (IdNumber.Invalid e) {
                lines.add(refused(r, name, null, e.getMessage()));
                continue;
            }
            Integer first = seen.putIfAbsent(id.value(), r.rowNo());
            if (first != null) {
                lines.add(refused(r, name, id, "与本文件第" + first + "行是同一人"));
                continue;
            }
            RiskClue waiting = RiskClue.<RiskClue>find("idHash = ?1 and status = ?2", cipher.lookupHash(id), ClueStatus.OPEN).firstResult();
            if (waiting != null) {
                lines.add(refused(r, name, id, "该人已有待核实的线索（查询编号" + waiting.trackingNo + "），请先完成入户核实，不重复登记"));
                continue;
            }
            // A registered person goes to the registry's village whatever the list says; the list's village matters only
            // for someone the county has not registered.
            Member m = Member.findByHash(cipher.lookupHash(id)).filter(x -> x.active).orElse(null);
            Household h = m == null ? null : Household.findById(m.householdId);
            String listed = null;
            String listedProblem = null;
            if (r.village() != null && !r.village().isBlank()) {
                if (villagesByName == null && !r.village().strip().matches("\\d{12}")) {
                    villagesByName = new HashMap<>();
                    for (OrgUnit u : OrgUnit.<OrgUnit>list("level", OrgLevel.VILLAGE)) {
                        villagesByName.computeIfAbsent(u.name, k -> new ArrayList<>()).add(u);
                    }
                }
                String[] found = listedVillage(r.village().strip(), villagesByName);
                listed = found[0];
                listedProblem = found[1];
            }
            if (h == null && listedProblem != null) {
                lines.add(refused(r, name, id, listedProblem));
                continue;
            }
            String village = h != null ? h.villageCode : listed;
            if (village == null) {
                lines.add(refused(r, name, id, "不在本县农户信息中，且名单未给出所在村，无法交办核实"));
                continue;
            }
            if (m == null && name.isEmpty()) {
                lines.add(refused(r, name, id, "未登记的人员须有姓名"));
                continue;
            }
            List<FieldError> errors = new ArrayList<>();
            // Several categories in one cell, as the export writes them (因病、因残).
            String categories = RiskCategory.toStored(r.riskCategory() == null ? List.of()
                    : java.util.Arrays.stream(r.riskCategory().split("[、,，;；]")).map(String::strip).filter(x -> !x.isEmpty()).toList(), errors);
            if (!errors.isEmpty()) {
                lines.add(refused(r, name, id, errors.get(0).message()));
                continue;
            }
            String kind = r.kind() == null || r.kind().isBlank() ? null : r.kind().strip();
            ClueView v = open(alertClue(m != null ? m.name : clip(name, 64), id, categories, r.description(),
                    kind == null ? "全国防止返贫监测信息系统数据比对" : clip("全国防止返贫监测信息系统数据比对：" + kind, 1000),
                    kind == null ? COMPARISON_SOURCE : COMPARISON_SOURCE + "（" + kind + "）", village, reported), user.username(), false);
            accepted++;
            if (v.status().equals(ClueStatus.ATTACHED.name())) {
                attached++;
            }
            List<String> notes = new ArrayList<>();
            if (m == null) {
                notes.add("本县农户信息中没有此人，已交所列村入户核实");
            } else {
                if (listedProblem != null || listed != null && !listed.equals(h.villageCode)) {
                    notes.add("名单所列村与农户信息不一致，已按农户信息所在村登记");
                }
                if (!name.isEmpty() && !name.equals(m.name)) {
                    notes.add("名单姓名“" + clip(name, 64) + "”与农户信息不一致，请入户核实时一并核对");
                }
            }
            String note = notes.isEmpty() ? null : String.join("；", notes);
            lines.add(new ClueViews.ComparisonLine(r.rowNo(), v.personName(), v.idMasked(), true, v.id(), v.trackingNo(), v.statusLabel(),
                    v.villageCode(), note));
        }
        return new ClueViews.ComparisonIntake(rows.size(), accepted, attached, rows.size() - accepted, lines);
    }

    /** The list as uploaded (.xlsx or .csv): the role is checked before the file is read; a missing file is refused. */
    public ClueViews.ComparisonIntake importComparison(LocalDate reportedOn, java.nio.file.Path file, String fileName) {
        requireComparisonImporter();
        if (file == null) {
            throw new ApiException(PlatformError.IMPORT_FILE_MISSING);
        }
        return intakeComparison(reportedOn, AlertFiles.readComparison(file, fileName, fileLimits));
    }

    /** {code, null} for a village of the county in the caller's scope, {null, why} otherwise (a 12-digit code or a unique name). */
    private String[] listedVillage(String text, Map<String, List<OrgUnit>> byName) {
        String code;
        if (text.matches("\\d{12}")) {
            code = OrgUnit.count("code = ?1 and level = ?2", text, OrgLevel.VILLAGE) > 0 ? text : null;
        } else {
            List<OrgUnit> named = byName.getOrDefault(text, List.of());
            if (named.size() > 1) {
                return new String[] {null, "本县有" + named.size() + "个名为“" + text + "”的村，请填写12位村代码"};
            }
            code = named.isEmpty() ? null : named.get(0).code;
        }
        if (code == null || !OrgScope.covers(user.orgCode(), code)) {
            return new String[] {null, "所在村“" + clip(text, 40) + "”不是本县的村，请核对村代码或村名"};
        }
        return new String[] {code, null};
    }

    private static ClueViews.ComparisonLine refused(ClueRequests.ComparisonRow r, String name, IdNumber id, String reason) {
        return new ClueViews.ComparisonLine(r.rowNo(), name.isEmpty() ? null : clip(name, 64), id == null ? null : id.masked(), false, null,
                null, "不予登记", null, reason);
    }

    /** A clue of the channel 部门筛查预警 about a person identified by ID number (a department's alert or a comparison row). */
    private RiskClue alertClue(String name, IdNumber id, String categories, String description, String defaultDescription, String source,
            String village, LocalDate reported) {
        RiskClue c = new RiskClue();
        c.personName = name;
        setId(c, id);
        c.description = description == null || description.isBlank() ? defaultDescription : clip(description.strip(), 1000);
        c.riskCategories = categories;
        c.channel = ClueChannel.DEPARTMENT_ALERT;
        c.sourceDetail = clip(source.strip(), 100);
        c.villageCode = village;
        c.reportedOn = reported;
        return c;
    }

    // ---------------------------------------------------------------- verification

    /** Closes the loop: the home visit found a risk (the identification procedure follows) or none. */
    @Transactional
    public ClueView verify(long id, Verification in) {
        user.requireAnyRole(STAFF);
        RiskClue c = visible(id);
        if (c.status != ClueStatus.OPEN) {
            throw new ApiException(MonitoringError.CLUE_CLOSED, c.status.label());
        }
        Versions.check(c.version, in.version());
        List<FieldError> errors = new ArrayList<>();
        ClueStatus result = Inputs.required(ClueStatus.class, in.result(), "result", "核实结果", errors);
        if (result != null && result != ClueStatus.RISK_CONFIRMED && result != ClueStatus.NO_RISK) { // the case's states follow the case
            errors.add(new FieldError("result", "核实结果为“" + ClueStatus.RISK_CONFIRMED.label() + "”或“" + ClueStatus.NO_RISK.label() + "”"));
        }
        if (in.note() == null || in.note().strip().length() < 4) {
            errors.add(new FieldError("note", "请填写入户核实情况（不少于4个字）"));
        }
        LocalDate today = clock.today();
        LocalDate on = in.verifiedOn() == null ? today : in.verifiedOn();
        if (on.isAfter(today) || on.isBefore(c.reportedOn)) {
            errors.add(new FieldError("verifiedOn", "核实日期应在发现日期与今天之间"));
        }
        ApiException.refuseIfAny(errors);
        ClueView before = view(c);
        c.status = result;
        c.verificationNote = clip(in.note().strip(), 1000);
        c.verifiedBy = user.username();
        c.verifiedOn = on;
        RiskClue.flush();
        ClueView after = view(c);
        audit.record("VERIFY", "risk_clue", c.trackingNo, before, after);
        return after;
    }

    // ---------------------------------------------------------------- reads

    @Transactional
    public Page<ClueView> list(String status, String channel, String village, boolean overdueOnly, int page, int size) {
        return list(status, channel, village, overdueOnly, BY_DUE, page, size);
    }

    /** The columns the clue list may be sorted by: its own row's, cheap on a scoped list (村 and 核实期限 are indexed). */
    public static final Map<String, String> SORTS = cn.fpjc.core.platform.web.SortBy.columns("verifyDue", "核实期限", "personName", "姓名",
            "villageCode", "村");

    /** The list's default order: the nearest 核实期限 first. */
    public static final cn.fpjc.core.platform.web.SortBy BY_DUE = new cn.fpjc.core.platform.web.SortBy("verifyDue", false);

    /** The list in the order asked for ({@link #SORTS}; ties by id the same way round, so pages never overlap). */
    @Transactional
    public Page<ClueView> list(String status, String channel, String village, boolean overdueOnly, cn.fpjc.core.platform.web.SortBy sort,
            int page, int size) {
        if (!SORTS.containsKey(sort.column())) {
            throw new IllegalArgumentException("not a clue sort: " + sort.column());
        }
        user.requireAnyRole(readers());
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder("villageCode like :scope");
        p.put("scope", OrgScope.likePrefix(user.orgCode()));
        if (user.hasRole(Roles.DEPARTMENT) && !user.hasAnyRole(STAFF)) {
            where.append(" and channel = :departmentChannel");
            p.put("departmentChannel", ClueChannel.DEPARTMENT_ALERT);
        }
        if (status != null && !status.isBlank()) {
            where.append(" and status = :status");
            p.put("status", parse(ClueStatus.class, status, "status"));
        }
        if (channel != null && !channel.isBlank()) {
            where.append(" and channel = :channel");
            p.put("channel", parse(ClueChannel.class, channel, "channel"));
        }
        if (village != null && !village.isBlank()) {
            where.append(" and villageCode like :village");
            p.put("village", OrgScope.likePrefix(village.strip()));
        }
        if (overdueOnly) {
            where.append(" and status = :open and verifyDue < :today");
            p.put("open", ClueStatus.OPEN);
            p.put("today", clock.today());
        }
        PanacheQuery<RiskClue> q = RiskClue.find(where.toString(), Sort.by(sort.column(), direction(sort)).and("id", direction(sort)), p);
        return Page.of(q, page, size, 200, rows -> rows.stream().map(this::view).toList());
    }

    @Transactional
    public ClueView get(long id) {
        user.requireAnyRole(readers());
        RiskClue c = visible(id);
        if (user.hasRole(Roles.DEPARTMENT) && !user.hasAnyRole(STAFF) && c.channel != ClueChannel.DEPARTMENT_ALERT) {
            throw new ApiException(PlatformError.NOT_FOUND);
        }
        return view(c);
    }

    // ---------------------------------------------------------------- helpers

    private static Sort.Direction direction(cn.fpjc.core.platform.web.SortBy sort) {
        return sort.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
    }

    /** Staff see clues of their scope; departments follow up the alerts they pushed (the loop's feedback). */
    static String[] readers() {
        String[] r = Arrays.copyOf(STAFF, STAFF.length + 2);
        r[STAFF.length] = Roles.RESPONSIBLE_OFFICIAL;
        r[STAFF.length + 1] = Roles.DEPARTMENT;
        return r;
    }

    private RiskClue visible(long id) {
        RiskClue c = RiskClue.findById(id);
        if (c == null || !OrgScope.covers(user.orgCode(), c.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND);
        }
        return c;
    }

    /** A 监测户 by category, or a household whose case is under way or whose risk is not (yet) eliminated. */
    static boolean underMonitoring(Household h) {
        return h.category == HouseholdCategory.MONITORED || MonitoringCase.count("householdId = ?1 and (status = ?2 or riskState in (?3, ?4))", h.id,
                CaseStatus.IN_PROGRESS, RiskState.UNRESOLVED, RiskState.BASIC_PROTECTION) > 0; // values, not a list: see InLists
    }

    /**
     * Stores a new clue, matched to the registry by ID number. Staff's and departments' clues are linked to the person's
     * household and attached to it when it is already under monitoring. A public self-report is never attached (its
     * answer must not depend on the registry): it stays open with its due date, linked only when the registered name
     * matches the reported one, so an invented name is never filed under someone else's household.
     */
    private ClueView open(RiskClue c, String receivedBy, boolean fromPublic) {
        TenantInfo tenant = access.current();
        Member m = Member.findByHash(c.idHash).filter(x -> x.active).orElse(null);
        Household h = m == null ? null : Household.findById(m.householdId);
        boolean sameName = m != null && RegistryMatch.sameName(m.name, c.personName);
        boolean monitored = h != null && h.active && underMonitoring(h);
        c.registryMatch = m == null ? RegistryMatch.NOT_REGISTERED : !sameName ? RegistryMatch.NAME_MISMATCH
                : monitored ? RegistryMatch.MATCHED_MONITORED : RegistryMatch.MATCHED;
        c.householdId = h == null || fromPublic && !sameName ? null : h.id;
        c.receivedAt = clock.now();
        c.receivedBy = receivedBy;
        c.trackingNo = trackingNo(tenant.code());
        if (monitored && !fromPublic) {
            c.status = ClueStatus.ATTACHED;
            c.verifyRule = "该户已是监测户，线索并入其监测帮扶";
        } else {
            c.status = ClueStatus.OPEN;
            Due due = verifyDue(tenant, c.reportedOn);
            c.verifyDue = due.date();
            c.verifyRule = due.rule();
        }
        c.persist();
        RiskClue.flush();
        ClueView v = view(c);
        audit.record("CREATE", "risk_clue", c.trackingNo, null, v);
        return v;
    }

    /** 入户核实 within the province's days of the report; a year without a schedule leaves the date open and says why. */
    Due verifyDue(TenantInfo tenant, LocalDate reported) {
        int days = Integer.parseInt(parameters.require(tenant.provinceId(), tenant.code(), "monitoring.clue-verify-days", reported.getYear()));
        boolean extend = !"false".equals(parameters.resolve(tenant.provinceId(), tenant.code(), "monitoring.deadline-extends-over-rest-days",
                reported.getYear()).value());
        try {
            return calendar.afterDays(reported, days, extend);
        } catch (ApiException e) {
            if (e.code() != PlatformError.CALENDAR_YEAR_MISSING) {
                throw e;
            }
            return new Due(null, e.detail(), false);
        }
    }

    /** An active member of a household in the caller's scope (any other is "not found"). */
    private Member registeredMember(long memberId) {
        Member m = Member.findById(memberId);
        Household h = m == null || !m.active ? null : Household.findById(m.householdId);
        if (h == null || !h.active || !OrgScope.covers(user.orgCode(), h.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND, "成员");
        }
        return m;
    }

    private RiskClue person(String name, String idNumber, String phone, String description, List<FieldError> errors) {
        RiskClue c = new RiskClue();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 64) {
            errors.add(new FieldError("name", "请填写姓名（不超过64个字）"));
        }
        c.personName = n;
        try {
            setId(c, IdNumber.parse(idNumber, clock.today()));
        } catch (IdNumber.Invalid e) {
            errors.add(new FieldError("idNumber", e.getMessage()));
        }
        contact(c, phone, description, errors);
        return c;
    }

    /** A registered member's clue: the name and the stored (encrypted, hashed, masked) ID number are copied, not retyped. */
    private RiskClue person(Member m, String phone, String description, List<FieldError> errors) {
        RiskClue c = new RiskClue();
        c.personName = m.name;
        c.idCipher = m.idCipher;
        c.idHash = m.idHash;
        c.idMasked = m.idMasked;
        contact(c, phone, description, errors);
        return c;
    }

    private static void contact(RiskClue c, String phone, String description, List<FieldError> errors) {
        String p = phone == null ? "" : phone.strip().replace(" ", "").replace("-", "");
        if (!p.isEmpty() && !p.matches("\\d{7,12}")) {
            errors.add(new FieldError("phone", "联系电话应为7—12位数字"));
        }
        c.phone = p.isEmpty() ? null : p;
        String d = description == null ? "" : description.strip();
        if (d.length() < 4 || d.length() > 1000) {
            errors.add(new FieldError("description", "请简要说明遇到的困难（4—1000个字）"));
        }
        c.description = d;
    }

    private void setId(RiskClue c, IdNumber id) {
        c.idCipher = cipher.encrypt(id);
        c.idHash = cipher.lookupHash(id);
        c.idMasked = id.masked();
    }

    private String village(String code, boolean scoped, List<FieldError> errors) {
        String v = code == null ? "" : code.strip();
        boolean known = OrgScope.isVillage(v) && OrgUnit.count("code = ?1 and level = ?2", v, OrgLevel.VILLAGE) > 0;
        if (!known || scoped && !OrgScope.covers(user.orgCode(), v)) {
            errors.add(new FieldError("villageCode", RegistryError.VILLAGE_OUT_OF_SCOPE.message()));
        }
        return v;
    }

    private static <E extends Enum<E> & cn.fpjc.core.platform.text.Labelled> E parse(Class<E> type, String text, String field) {
        List<FieldError> errors = new ArrayList<>();
        E e = Inputs.required(type, text, field, field, errors);
        ApiException.refuseIfAny(errors);
        return e;
    }


    /** The county's code and eight characters from an alphabet without look-alikes (0/O, 1/I/L): unguessable, easy to read out. */
    static String trackingNo(String county) {
        StringBuilder s = new StringBuilder(county).append('-');
        for (int i = 0; i < 8; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.length() <= 7 ? phone.substring(0, 2) + "****" + phone.substring(phone.length() - 1)
                : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** The year's centralized screening campaigns in the caller's scope, against the minimum number a year. */
    @Transactional
    public ClueViews.Campaigns campaigns(int year) {
        user.requireAnyRole(readers());
        TenantInfo tenant = access.current();
        var required = parameters.resolve(tenant.provinceId(), tenant.code(), "monitoring.centralized-screenings-per-year", year);
        List<ClueViews.Campaign> campaigns = RiskClue.getEntityManager().createQuery("select k.campaign, count(k), min(k.reportedOn),"
                + " max(k.reportedOn) from RiskClue k where k.screeningKind = :kind and k.reportedOn between :from and :to"
                + " and k.villageCode like :scope group by k.campaign order by min(k.reportedOn)", Object[].class)
                .setParameter("kind", ScreeningKind.CAMPAIGN).setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year, 12, 31)).setParameter("scope", OrgScope.likePrefix(user.orgCode())).getResultList()
                .stream().map(r -> new ClueViews.Campaign((String) r[0], (Long) r[1], (LocalDate) r[2], (LocalDate) r[3])).toList();
        Integer min = required.value() == null ? null : Integer.valueOf(required.value());
        return new ClueViews.Campaigns(year, min, required.value() == null ? required.label() + "：未设定"
                : required.label() + "：" + min + "（" + required.citation() + "）", min == null || campaigns.size() >= min, campaigns);
    }

    ClueView view(RiskClue c) {
        LocalDate today = clock.today();
        String dueState = c.status.closed() ? "已办结" : Due.state(c.verifyDue, clock.today());
        return new ClueView(c.id, c.trackingNo, c.channel.name(), c.channel.label(), c.sourceDetail, c.villageCode, c.householdId,
                c.personName, c.idMasked, maskPhone(c.phone), c.description, RiskCategory.labels(c.riskCategories), c.reportedOn, c.receivedAt, c.receivedBy,
                c.status.name(), c.status.label(), c.verifyDue, c.verifyRule, dueState, c.verificationNote, c.verifiedBy, c.verifiedOn,
                c.version, c.screeningKind == null ? null : c.screeningKind.name(), c.screeningKind == null ? null : c.screeningKind.label(),
                c.campaign, c.registryMatch == null ? null : c.registryMatch.name(), c.registryMatch == null ? null : c.registryMatch.label());
    }
}
