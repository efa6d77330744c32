package cn.fpjc.core.assistance.welfarejob;

import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.Check;
import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.Leave;
import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.Payroll;
import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.PayrollLine;
import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.PlacementInput;
import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.PlacementView;
import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.PositionInput;
import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.PositionView;
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
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterOrigin;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.LabourCapacity;
import cn.fpjc.core.registry.Member;
import cn.fpjc.core.registry.RegistryService;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 乡村公益性岗位: positions with their wage held against the local minimum wage, placements checked against the province's
 * rules (labour capacity, placements per person, contract length, years in post, accident insurance) with every check
 * explained, 一人一岗 and 一岗一人 closed by unique keys, and the monthly payroll (a month pro rata by days in post).
 * Sources: 000 脱贫人口务工就业 一 (Heilongjiang); 001 第三部分四(二)6 (Henan).
 */
@ApplicationScoped
public class WelfareJobService {
    static final String[] MANAGERS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER };
    static final String[] PAYROLL = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER };
    static final String SHARE = "assistance.public-welfare-job.subsidy-min-share-of-min-wage";
    static final String MAX_PLACEMENTS = "assistance.public-welfare-job.max-placements";
    static final String CONTRACT_YEARS = "assistance.public-welfare-job.contract-max-years";
    static final String SUBSIDY_YEARS = "assistance.public-welfare-job.subsidy-max-years";
    static final String INSURANCE = "assistance.public-welfare-job.accident-insurance-required";
    static final String TARGET_SOURCE = "000 脱贫人口务工就业 一、乡村公益性岗位开发管理：安置脱贫劳动力（含监测对象）";

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    EffectiveParameters parameters;

    @Inject
    AppClock clock;

    @Inject
    AuditLog audit;

    // ---------------------------------------------------------------- positions

    @Transactional
    public PositionView createPosition(PositionInput in) {
        user.requireAnyRole(MANAGERS);
        if (in == null || in.villageCode() == null || !OrgScope.isVillage(in.villageCode().strip())
                || !OrgScope.covers(user.orgCode(), in.villageCode().strip())) {
            throw invalid("villageCode", "请选择本人范围内的一个村");
        }
        String title = required(in.title(), "title", "请填写岗位名称（如保洁员、护林员）", 64);
        BigDecimal wage = money(in.monthlyWage(), "monthlyWage", "请填写岗位补贴（元/月）");
        BigDecimal min = money(in.localMinWage(), "localMinWage", "请填写当地最低工资标准（元/月）");
        String source = required(in.minWageSource(), "minWageSource", "请填写最低工资标准所依据的文件名称和文号", 200);
        EffectiveParameter share = parameter(SHARE);
        if (share.origin() != ParameterOrigin.NOT_SET) {
            BigDecimal floor = min.multiply(new BigDecimal(share.value().strip())).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            if (wage.compareTo(floor) < 0) {
                throw new ApiException(WelfareJobError.WAGE_BELOW_MINIMUM, "岗位补贴 " + plain(wage) + " 元/月，低于当地最低工资标准 " + plain(min)
                        + " 元的 " + share.value().strip() + "%（" + plain(floor) + " 元；依据：" + share.citation() + "）");
            }
        }
        WelfareJobPosition p = new WelfareJobPosition();
        p.villageCode = in.villageCode().strip();
        p.title = title;
        p.duties = in.duties() == null || in.duties().isBlank() ? null : in.duties().strip();
        p.monthlyWage = wage;
        p.localMinWage = min;
        p.minWageSource = source;
        p.createdBy = user.username();
        p.createdAt = clock.now();
        p.persistAndFlush();
        audit.record("CREATE", "welfare_job_position", String.valueOf(p.id), null, Map.of("title", p.title, "wage", p.monthlyWage));
        return positionViews(List.of(p)).get(0);
    }

    @Transactional
    public List<PositionView> positions(String village) {
        user.requireAnyRole(RegistryService.READERS);
        String narrowed = village == null || village.isBlank() ? "%" : OrgScope.likePrefix(village.strip());
        return positionViews(WelfareJobPosition.list("villageCode like ?1 and villageCode like ?2", Sort.by("villageCode").and("id"),
                OrgScope.likePrefix(user.orgCode()), narrowed));
    }

    // ---------------------------------------------------------------- placements

    /** Places a member; refused with every failed check named. The unique keys answer a race for the member or the post. */
    @Transactional
    public PlacementView place(PlacementInput in) {
        user.requireAnyRole(MANAGERS);
        if (in == null || in.positionId() == null || in.memberId() == null) {
            throw invalid("positionId", "请选择岗位和上岗人员");
        }
        WelfareJobPosition position = WelfareJobPosition.findById(in.positionId());
        if (position == null || !OrgScope.covers(user.orgCode(), position.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND, "岗位 " + in.positionId());
        }
        if (!position.open) {
            throw new ApiException(WelfareJobError.POSITION_CLOSED);
        }
        Member m = Member.findById(in.memberId());
        Household h = m == null ? null : Household.findById(m.householdId);
        if (m == null || !m.active || h == null || !h.active || !OrgScope.covers(user.orgCode(), h.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND, "成员 " + in.memberId());
        }
        if (in.startsOn() == null || in.endsOn() == null || !in.endsOn().isAfter(in.startsOn())) {
            throw invalid("startsOn", "请填写合同（协议）起止日期，止日晚于起日");
        }
        boolean insured = Boolean.TRUE.equals(in.accidentInsured());
        List<Check> checks = checks(m, h, in.startsOn(), in.endsOn(), insured);
        List<Check> failed = checks.stream().filter(c -> !c.passed()).toList();
        if (!failed.isEmpty()) {
            throw new ApiException(WelfareJobError.PLACEMENT_REFUSED, failed.stream().map(c -> "「" + c.rule() + "」不符合（" + c.fact()
                    + (c.source() == null ? "" : "；依据：" + cn.fpjc.core.policy.source.PolicySources.forPeople(c.source())) + "）").collect(Collectors.joining("；")));
        }
        WelfareJobPlacement p = new WelfareJobPlacement();
        p.positionId = position.id;
        p.memberId = m.id;
        p.householdId = h.id;
        p.villageCode = position.villageCode;
        p.startsOn = in.startsOn();
        p.endsOn = in.endsOn();
        p.accidentInsured = insured;
        p.status = WelfareJobPlacement.ACTIVE;
        p.placedBy = user.username();
        p.placedAt = clock.now();
        p.persistAndFlush();
        audit.record("PLACE", "welfare_job_placement", String.valueOf(p.id), null,
                Map.of("position", p.positionId, "member", p.memberId, "from", p.startsOn.toString(), "to", p.endsOn.toString()));
        return placementViews(List.of(p), checks).get(0);
    }

    /** 离岗: the placement ends on {@code leftOn}; the post is free again and the member may be placed elsewhere. */
    @Transactional
    public PlacementView leave(long placementId, Leave in) {
        user.requireAnyRole(MANAGERS);
        WelfareJobPlacement p = WelfareJobPlacement.findById(placementId);
        if (p == null || !OrgScope.covers(user.orgCode(), p.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND, "安置 " + placementId);
        }
        if (in == null) {
            throw invalid("leftOn", "请填写离岗日期和原因");
        }
        Versions.check(p.version, in.version());
        if (!WelfareJobPlacement.ACTIVE.equals(p.status)) {
            throw new ApiException(WelfareJobError.PLACEMENT_REFUSED, "该安置已结束");
        }
        if (in.leftOn() == null || in.leftOn().isBefore(p.startsOn) || in.leftOn().isAfter(p.endsOn)) {
            throw invalid("leftOn", "离岗日期应在合同期内（" + p.startsOn + " 至 " + p.endsOn + "）");
        }
        p.leaveReason = required(in.reason(), "reason", "请填写离岗原因（合同到期、辞职、不能履职等）", 500);
        p.leftOn = in.leftOn();
        p.status = WelfareJobPlacement.ENDED;
        p.persistAndFlush();
        audit.record("LEAVE", "welfare_job_placement", String.valueOf(p.id), Map.of("status", WelfareJobPlacement.ACTIVE),
                Map.of("status", p.status, "leftOn", p.leftOn.toString(), "reason", p.leaveReason));
        return placementViews(List.of(p), List.of()).get(0);
    }

    @Transactional
    public List<PlacementView> placements(String village, boolean activeOnly) {
        user.requireAnyRole(RegistryService.READERS);
        String narrowed = village == null || village.isBlank() ? "%" : OrgScope.likePrefix(village.strip());
        String where = "villageCode like ?1 and villageCode like ?2" + (activeOnly ? " and status = 'ACTIVE'" : "");
        return placementViews(WelfareJobPlacement.list(where, Sort.by("villageCode").and("id"), OrgScope.likePrefix(user.orgCode()), narrowed),
                List.of());
    }

    /** Whether a member holds a post on {@code day} (for programmes that exclude post holders, e.g. 务工生产奖补). */
    public boolean holdsPost(long memberId, LocalDate day) {
        return WelfareJobPlacement.count("memberId = ?1 and startsOn <= ?2 and (leftOn is null or leftOn >= ?2) and endsOn >= ?2", memberId, day) > 0;
    }

    /** The rules a placement must meet, each with its fact; a rule the province has not set is shown as such and not applied. */
    List<Check> checks(Member m, Household h, LocalDate from, LocalDate to, boolean insured) {
        List<Check> checks = new ArrayList<>();
        boolean target = h.category == HouseholdCategory.POVERTY_ALLEVIATED || h.category == HouseholdCategory.MONITORED;
        checks.add(new Check("脱贫劳动力（含防止返贫监测对象）", target, "户类型：" + h.category.label(), null, TARGET_SOURCE));
        boolean works = m.labour != LabourCapacity.LOST && m.labour != LabourCapacity.NONE;
        checks.add(new Check("有劳动能力（丧失劳动力、无劳动力的不安置）", works, "劳动能力：" + m.labour.label(), null, TARGET_SOURCE));
        List<WelfareJobPlacement> before = WelfareJobPlacement.list("memberId", Sort.by("startsOn"), m.id);
        // A rule the province has not set is listed as such (and not applied): nothing is guessed, nothing hidden.
        EffectiveParameter max = parameter(MAX_PLACEMENTS);
        if (max.origin() != ParameterOrigin.NOT_SET) {
            int limit = Integer.parseInt(max.value().strip());
            checks.add(new Check(max.label() + " " + limit + " 次", before.size() + 1 <= limit, "此前已安置 " + before.size() + " 次",
                    MAX_PLACEMENTS, max.source()));
        } else {
            checks.add(notSet(max, "此前已安置 " + before.size() + " 次"));
        }
        EffectiveParameter contract = parameter(CONTRACT_YEARS);
        if (contract.origin() != ParameterOrigin.NOT_SET) {
            int years = Integer.parseInt(contract.value().strip());
            // N years from the start day: the last day is the day before the same date N years on (民法典 第二百零三条;
            // from 02-29 the last day is 02-28).
            LocalDate lastDay = from.minusDays(1).plusYears(years);
            checks.add(new Check(contract.label() + " " + years + " 年", !to.isAfter(lastDay),
                    "合同 " + from + " 至 " + to + "（" + years + " 年至 " + lastDay + "）", CONTRACT_YEARS, contract.source()));
        } else {
            checks.add(notSet(contract, "合同 " + from + " 至 " + to));
        }
        EffectiveParameter subsidy = parameter(SUBSIDY_YEARS);
        long served = before.stream().mapToLong(p -> ChronoUnit.DAYS.between(p.startsOn, p.lastDay()) + 1).sum();
        long total = served + ChronoUnit.DAYS.between(from, to) + 1;
        if (subsidy.origin() != ParameterOrigin.NOT_SET) {
            int years = Integer.parseInt(subsidy.value().strip());
            // N years counted in calendar days from the first day in post (leap days included), not 365 a year.
            LocalDate first = before.isEmpty() || from.isBefore(before.get(0).startsOn) ? from : before.get(0).startsOn;
            long allowed = ChronoUnit.DAYS.between(first, first.plusYears(years));
            checks.add(new Check(subsidy.label() + " " + years + " 年", total <= allowed,
                    "此前在岗 " + served + " 天，连同本次共 " + total + " 天（自 " + first + " 起 " + years + " 年为 " + allowed + " 天）", SUBSIDY_YEARS,
                    subsidy.source()));
        } else {
            checks.add(notSet(subsidy, "连同本次共在岗 " + total + " 天"));
        }
        EffectiveParameter insurance = parameter(INSURANCE);
        if (insurance.origin() != ParameterOrigin.NOT_SET && "true".equals(insurance.value().strip())) {
            checks.add(new Check("为在岗人员购买人身意外保险", insured, insured ? "已购买" : "未购买", INSURANCE, insurance.source()));
        } else if (insurance.origin() == ParameterOrigin.NOT_SET) {
            checks.add(notSet(insurance, insured ? "已购买人身意外保险" : "未购买人身意外保险"));
        }
        return checks;
    }

    private static Check notSet(EffectiveParameter p, String fact) {
        return new Check(p.label() + "：本省未设定，不作检查", true, fact, p.key(), null);
    }

    // ---------------------------------------------------------------- payroll

    /**
     * Generates a month's payroll for every placement of the county in post that month: the monthly wage times the days in
     * post over the days of the month, rounded half up to the fen. Once per placement and month (unique key): generating a
     * month again is refused whole.
     */
    @Transactional
    public Payroll generatePayroll(String month) {
        user.requireAnyRole(PAYROLL);
        YearMonth ym = month(month);
        LocalDate first = ym.atDay(1);
        LocalDate last = ym.atEndOfMonth();
        List<WelfareJobPlacement> inPost = WelfareJobPlacement.list("startsOn <= ?1 and endsOn >= ?2 and (leftOn is null or leftOn >= ?2)",
                Sort.by("id"), last, first);
        if (inPost.isEmpty()) {
            return payroll(ym);
        }
        Map<Long, WelfareJobPosition> positions = positions(inPost);
        for (WelfareJobPlacement p : inPost) {
            LocalDate from = p.startsOn.isAfter(first) ? p.startsOn : first;
            LocalDate to = p.lastDay().isBefore(last) ? p.lastDay() : last;
            WelfareJobPayroll line = new WelfareJobPayroll();
            line.placementId = p.id;
            line.month = ym.toString();
            line.daysInPost = (int) ChronoUnit.DAYS.between(from, to) + 1;
            line.daysInMonth = ym.lengthOfMonth();
            line.amount = positions.get(p.positionId).monthlyWage.multiply(BigDecimal.valueOf(line.daysInPost))
                    .divide(BigDecimal.valueOf(line.daysInMonth), 2, RoundingMode.HALF_UP);
            line.createdBy = user.username();
            line.createdAt = clock.now();
            line.persist();
        }
        WelfareJobPayroll.flush(); // a second generation of the month meets the unique key here: PAYROLL_EXISTS
        audit.record("PAYROLL", "welfare_job_payroll", ym.toString(), null, Map.of("lines", inPost.size()));
        return payroll(ym);
    }

    @Transactional
    public Payroll payroll(String month) {
        user.requireAnyRole(MANAGERS);
        return payroll(month(month));
    }

    private Payroll payroll(YearMonth ym) {
        List<WelfareJobPayroll> lines = WelfareJobPayroll.list("month", Sort.by("placementId"), ym.toString());
        Map<Long, WelfareJobPlacement> placements = InLists.list(WelfareJobPlacement.getEntityManager(), "from WelfareJobPlacement where id in :keys",
                WelfareJobPlacement.class, lines.stream().map(l -> l.placementId).toList()).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<WelfareJobPlacement> visible = placements.values().stream().filter(p -> OrgScope.covers(user.orgCode(), p.villageCode)).toList();
        Map<Long, WelfareJobPosition> positions = positions(visible);
        Map<Long, Member> members = members(visible);
        Map<Long, String> numbers = numbers(visible);
        Map<String, String> villages = RegistryService.villageNames(visible.stream().map(p -> p.villageCode).collect(Collectors.toSet()));
        List<PayrollLine> items = lines.stream().filter(l -> placements.containsKey(l.placementId)
                && OrgScope.covers(user.orgCode(), placements.get(l.placementId).villageCode)).map(l -> {
                    WelfareJobPlacement p = placements.get(l.placementId);
                    WelfareJobPosition pos = positions.get(p.positionId);
                    Member m = members.get(p.memberId);
                    return new PayrollLine(p.id, pos.title, m == null ? null : m.name, m == null ? null : m.idMasked, numbers.get(p.householdId),
                            villages.getOrDefault(p.villageCode, p.villageCode), l.daysInPost, l.daysInMonth, pos.monthlyWage, l.amount);
                }).toList();
        return new Payroll(ym.toString(), items.size(), items.stream().map(PayrollLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2), items);
    }

    private YearMonth month(String month) {
        try {
            YearMonth ym = YearMonth.parse(month == null ? "" : month.strip());
            if (!ym.isBefore(YearMonth.from(clock.today())) || ym.getYear() < 2020) {
                throw new ApiException(WelfareJobError.PAYROLL_MONTH_INVALID, month);
            }
            return ym;
        } catch (DateTimeParseException e) {
            throw new ApiException(WelfareJobError.PAYROLL_MONTH_INVALID, month);
        }
    }

    // ---------------------------------------------------------------- views

    private List<PositionView> positionViews(List<WelfareJobPosition> rows) {
        List<Long> ids = rows.stream().map(p -> p.id).toList();
        Map<Long, WelfareJobPlacement> holders = InLists.list(WelfareJobPlacement.getEntityManager(),
                "from WelfareJobPlacement where positionId in :keys and status = 'ACTIVE'", WelfareJobPlacement.class, ids).stream()
                .collect(Collectors.toMap(p -> p.positionId, Function.identity()));
        Map<Long, Member> members = members(List.copyOf(holders.values()));
        Map<String, String> villages = RegistryService.villageNames(rows.stream().map(p -> p.villageCode).collect(Collectors.toSet()));
        return rows.stream().map(p -> {
            WelfareJobPlacement holder = holders.get(p.id);
            Member m = holder == null ? null : members.get(holder.memberId);
            return new PositionView(p.id, p.villageCode, villages.getOrDefault(p.villageCode, p.villageCode), p.title, p.duties, p.monthlyWage,
                    p.localMinWage, p.minWageSource, p.open, m == null ? null : m.name, m == null ? null : m.idMasked, p.version);
        }).toList();
    }

    private List<PlacementView> placementViews(List<WelfareJobPlacement> rows, List<Check> checks) {
        Map<Long, WelfareJobPosition> positions = positions(rows);
        Map<Long, Member> members = members(rows);
        Map<Long, String> numbers = numbers(rows);
        Map<String, String> villages = RegistryService.villageNames(rows.stream().map(p -> p.villageCode).collect(Collectors.toSet()));
        return rows.stream().map(p -> {
            Member m = members.get(p.memberId);
            return new PlacementView(p.id, p.positionId, positions.get(p.positionId).title, p.memberId, m == null ? null : m.name,
                    m == null ? null : m.idMasked, numbers.get(p.householdId), p.villageCode, villages.getOrDefault(p.villageCode, p.villageCode),
                    p.startsOn, p.endsOn, p.accidentInsured, p.status, WelfareJobPlacement.ACTIVE.equals(p.status) ? "在岗" : "已离岗",
                    p.leftOn, p.leaveReason, checks, p.version);
        }).toList();
    }

    private static Map<Long, WelfareJobPosition> positions(List<WelfareJobPlacement> rows) {
        return InLists.list(WelfareJobPosition.getEntityManager(), "from WelfareJobPosition where id in :keys", WelfareJobPosition.class,
                rows.stream().map(p -> p.positionId).toList()).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
    }

    private static Map<Long, Member> members(List<WelfareJobPlacement> rows) {
        return InLists.list(Member.getEntityManager(), "from Member where id in :keys", Member.class, rows.stream().map(p -> p.memberId).toList())
                .stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
    }

    private static Map<Long, String> numbers(List<WelfareJobPlacement> rows) {
        return InLists.pairs(Household.getEntityManager(), "SELECT id, household_no FROM household WHERE id IN (:keys)",
                rows.stream().map(p -> p.householdId).toList(), InLists::longKey);
    }

    private EffectiveParameter parameter(String key) {
        TenantInfo tenant = access.current();
        return parameters.resolve(tenant.provinceId(), tenant.code(), key, clock.year());
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError(field, message)));
    }

    private static String required(String text, String field, String message, int max) {
        if (text == null || text.isBlank()) {
            throw invalid(field, message);
        }
        if (text.strip().length() > max) {
            throw invalid(field, "不超过 " + max + " 个字");
        }
        return text.strip();
    }

    private static BigDecimal money(BigDecimal value, String field, String message) {
        if (value == null || value.signum() <= 0 || value.scale() > 2 || value.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw invalid(field, message + "：大于 0、不超过 100000、最多两位小数");
        }
        return value.setScale(2);
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
