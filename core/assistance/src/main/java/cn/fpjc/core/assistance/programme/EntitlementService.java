package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterOrigin;
import cn.fpjc.core.monitoring.MeasureType;
import cn.fpjc.core.registry.EmploymentPlace;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.HousingGrade;
import cn.fpjc.core.registry.LabourCapacity;
import cn.fpjc.core.registry.Relation;
import cn.fpjc.core.registry.Member;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.registry.SchoolingStage;
import cn.fpjc.core.assistance.programme.ProgrammeViews.HouseholdEntitlements;
import cn.fpjc.core.assistance.programme.ProgrammeViews.MemberEntitlements;
import cn.fpjc.core.assistance.programme.ProgrammeViews.ParameterView;
import cn.fpjc.core.assistance.programme.ProgrammeViews.ProgrammeView;
import cn.fpjc.core.assistance.programme.ProgrammeViews.Unclaimed;
import cn.fpjc.core.assistance.programme.ProgrammeViews.UnclaimedRow;
import cn.fpjc.core.assistance.programme.ProgrammeViews.VillageCount;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The programme engine's reads: the programmes with the parameters they use, a household's 可享受政策, and a programme's
 * 应享未享 list. Decisions are made from the registry as it stands (the current 户类型, 在校情况, 务工情况), which the basis
 * line of every answer says.
 */
@ApplicationScoped
public class EntitlementService {
    static final String BASIS = "按当前登记的户类型、在校和务工情况判断";

    @Inject
    @All
    List<AssistanceProgramme> programmes;


    @Inject
    EffectiveParameters parameters;

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    AppClock clock;

    @Inject
    RegistryService registry;

    @Inject
    EntityManager em;

    /** Every programme, ordered by id, with the parameters it reads as they apply to the county in the year. */
    public List<ProgrammeView> list(Integer year) {
        user.requireAnyRole(RegistryService.READERS);
        int y = year(year);
        TenantInfo tenant = access.current();
        return sorted().stream().map(p -> new ProgrammeView(p.id(), p.name(), p.summary(), y, p.parameterKeys().stream().map(k -> {
            EffectiveParameter e = parameters.resolve(tenant.provinceId(), tenant.code(), k, y);
            return new ParameterView(k, e.label(), e.origin() == ParameterOrigin.NOT_SET ? "未设定" : e.displayValue(), e.unit(),
                    e.source(), e.originLabel());
        }).toList(), p.listsUnclaimed(), p.noticeRequired(), p.paidToAccount(), p.declarations())).toList();
    }

    /** The programme of that id, if there is one. */
    public java.util.Optional<AssistanceProgramme> find(String id) {
        return programmes.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public AssistanceProgramme programme(String id) {
        if (id == null || id.isBlank()) {
            throw new ApiException(cn.fpjc.core.platform.error.PlatformError.VALIDATION_FAILED, null,
                    List.of(new cn.fpjc.core.platform.error.ErrorBody.FieldError("programme", "请选择帮扶政策项目")));
        }
        return programmes.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new ApiException(ProgrammeError.PROGRAMME_UNKNOWN, id));
    }

    /** 可享受政策 of one household (in the caller's scope, else 404 like every household read). */
    @Transactional
    public HouseholdEntitlements household(long householdId, Integer year) {
        int y = year(year);
        var detail = registry.detail(householdId); // the scope check and 404 of the registry
        ProgrammeRules rules = rules(y);
        List<AssistanceProgramme> all = sorted();
        Map<Long, String> relations = new LinkedHashMap<>();
        detail.members().forEach(m -> relations.put(m.id(), m.relationLabel()));
        List<MemberEntitlements> members = new ArrayList<>();
        for (Candidate c : candidates("h.id = :household", Map.of("household", householdId), null, rules.referenceDate(), 0L, Integer.MAX_VALUE)) {
            members.add(new MemberEntitlements(c.memberId(), c.name(), c.idMasked(), relations.get(c.memberId()),
                    all.stream().map(p -> p.assess(c, rules)).toList()));
        }
        return new HouseholdEntitlements(householdId, detail.householdNo(), detail.categoryLabel(), y, BASIS, members);
    }

    /**
     * 应享未享: the members of the caller's scope (narrowed to {@code village}, a village or township code) whom the programme
     * entitles in the year and who have nothing paid or pending for it in that year. The database pre-filters with the
     * programme's condition; every candidate is then assessed by the programme itself, chunk by chunk in id order.
     */
    @Transactional
    public Unclaimed unclaimed(String programmeId, Integer year, String village, int page, int size) {
        AssistanceProgramme programme = programme(programmeId);
        int y = year(year);
        Page.Window w = Page.window(page, size, 500);
        List<UnclaimedRow> window = new ArrayList<>();
        Map<String, Long> byVillage = new TreeMap<>();
        long[] total = { 0 };
        long from = (long) w.offset();
        each(programme, y, village, row -> {
            if (total[0] >= from && window.size() < w.size()) {
                window.add(row);
            }
            total[0]++;
            byVillage.merge(row.villageCode(), 1L, Long::sum);
        });
        Map<String, String> names = RegistryService.villageNames(byVillage.keySet());
        List<UnclaimedRow> named = window.stream().map(r -> withVillageName(r, names)).toList();
        return new Unclaimed(programme.id(), programme.name(), y, BASIS, total[0], w.page(), w.size(), named,
                byVillage.entrySet().stream().map(e -> new VillageCount(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                        .toList());
    }

    /** Every 应享未享 row in order (for the export), village names filled in. */
    @Transactional
    public void eachUnclaimed(String programmeId, Integer year, String village, Consumer<UnclaimedRow> sink) {
        AssistanceProgramme programme = programme(programmeId);
        Map<String, String> names = new java.util.HashMap<>();
        each(programme, year(year), village, row -> {
            names.computeIfAbsent(row.villageCode(), c -> RegistryService.villageNames(Set.of(c)).getOrDefault(c, c));
            sink.accept(withVillageName(row, names));
        });
    }

    private void each(AssistanceProgramme programme, int year, String village, Consumer<UnclaimedRow> sink) {
        user.requireAnyRole(RegistryService.READERS);
        if (!programme.listsUnclaimed()) {
            throw new ApiException(ProgrammeError.PROGRAMME_ON_APPLICATION_ONLY, programme.name() + "依申请办理（遭遇困难时本人或村委会代为申请），没有应享未享名单");
        }
        String scope = OrgScope.likePrefix(user.orgCode());
        String narrowed = village == null || village.isBlank() ? scope : OrgScope.likePrefix(village.strip());
        ProgrammeRules rules = rules(year);
        AssistanceProgramme.Candidates filter = programme.candidates();
        Set<Long> claimed = claimed(programme.id(), year);
        // One read of the pre-filtered candidates (a projection, no entity managed), ordered here by village, 户编号 and
        // member: an ORDER BY … LIMIT per chunk made the database join and sort the whole county for every chunk.
        List<Candidate> all = new ArrayList<>(candidates(filter.condition(), filter.parameters(), new String[] { scope, narrowed },
                rules.referenceDate(), 0L, Integer.MAX_VALUE));
        all.sort(Comparator.comparing(Candidate::villageCode).thenComparing(Candidate::householdNo).thenComparingLong(Candidate::memberId));
        for (Candidate c : all) {
            if (claimed.contains(c.memberId())) {
                continue;
            }
            Decision d = programme.assess(c, rules);
            if (d.status() == Decision.Status.ELIGIBLE) {
                sink.accept(new UnclaimedRow(c.memberId(), c.name(), c.idMasked(), c.householdId(), c.householdNo(), c.villageCode(),
                        null, c.category().label(), facts(d), d.amount(), d.amountRule()));
            }
        }
    }

    /**
     * Members who have applied for the programme in the year (any application not refused) or been instructed a payment of
     * it for a period of the year (not cancelled; a failed one is being re-issued), whether or not through an application:
     * 应享未享 is those entitled who have neither applied nor been paid.
     */
    Set<Long> claimed(String programmeId, int year) {
        Set<Long> claimed = new HashSet<>(em.createQuery("select a.memberId from ProgrammeApplication a where a.programmeId = :p and a.year = :y "
                + "and a.status <> :rejected", Long.class).setParameter("p", programmeId).setParameter("y", year)
                .setParameter("rejected", ApplicationStatus.REJECTED).getResultList());
        claimed.addAll(em.createQuery("select i.memberId from PaymentInstruction i where i.programmeId = :p and (i.period = :year or "
                + "i.period like :within) and i.status <> :cancelled", Long.class).setParameter("p", programmeId)
                .setParameter("year", String.valueOf(year)).setParameter("within", year + "-%")
                .setParameter("cancelled", cn.fpjc.core.assistance.payment.InstructionStatus.CANCELLED).getResultList());
        return claimed;
    }

    /** One active member of an active household, as a programme sees them, or null. No scope check: the caller's. */
    Candidate member(long memberId, LocalDate on) {
        List<Candidate> found = candidates("m.id = :member", Map.of("member", memberId), null, on, 0L, 1);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String facts(Decision d) {
        return String.join("；", d.rules().stream().map(RuleResult::fact).filter(f -> f != null && !f.startsWith("按年度")).toList());
    }

    private static UnclaimedRow withVillageName(UnclaimedRow r, Map<String, String> names) {
        return new UnclaimedRow(r.memberId(), r.name(), r.idMasked(), r.householdId(), r.householdNo(), r.villageCode(),
                names.getOrDefault(r.villageCode(), r.villageCode()), r.categoryLabel(), r.fact(), r.amount(), r.amountRule());
    }

    /**
     * Active members of active households matching {@code condition} (JPQL over m and h), with id above {@code afterId},
     * in id order; {@code scopes} (LIKE patterns) limit the village when given. A projection: no entity is managed.
     */
    private List<Candidate> candidates(String condition, Map<String, Object> params, String[] scopes, LocalDate on, long afterId, int max) {
        InLists.Expanded expanded = InLists.values(condition, params); // the same text on every page of a scan, so one plan
        StringBuilder q = new StringBuilder("select m.id, h.id, h.householdNo, h.villageCode, m.name, m.idMasked, h.category, m.birthDate, "
                + "m.labour, m.schooling, m.employmentPlace, m.employmentMonths, m.disabilityGrade, m.relation, g.housingGrade, "
                + "g.housingCheckedOn "
                + "from Member m join Household h on h.id = m.householdId left join GuaranteeStatus g on g.householdId = h.id "
                + "where m.active = true and h.active = true and m.id > :after and (" + expanded.hql() + ")");
        if (scopes != null) {
            q.append(" and h.villageCode like :scope and h.villageCode like :narrowed");
        }
        if (max != Integer.MAX_VALUE) {
            q.append(" order by m.id");
        }
        TypedQuery<Object[]> query = em.createQuery(q.toString(), Object[].class).setParameter("after", afterId);
        expanded.parameters().forEach(query::setParameter);
        if (scopes != null) {
            query.setParameter("scope", scopes[0]).setParameter("narrowed", scopes[1]);
        }
        if (max != Integer.MAX_VALUE) {
            query.setMaxResults(max);
        }
        List<Object[]> rows = query.getResultList();
        Map<Long, List<Object[]>> measures = measuresInForce(rows.stream().map(r -> (Long) r[1]).collect(java.util.stream.Collectors.toSet()), on);
        return rows.stream().map(r -> new Candidate((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (HouseholdCategory) r[6], (LocalDate) r[7], Period.between((LocalDate) r[7], on).getYears(),
                (LabourCapacity) r[8], (SchoolingStage) r[9], (EmploymentPlace) r[10], (Integer) r[11], (Integer) r[12], (Relation) r[13],
                (HousingGrade) r[14], (LocalDate) r[15], heldBy((Long) r[0], measures.getOrDefault((Long) r[1], List.of())), Map.of())).toList();
    }

    /**
     * The 一户一策 measures in force on {@code on}, by household: (member id or null for the whole household, type). By
     * household for up to 1,000 households (IN lists of 100), else the county's in one query (plans exist for monitored households only, so it stays small).
     */
    private Map<Long, List<Object[]>> measuresInForce(Set<Long> households, LocalDate on) {
        if (households.isEmpty()) {
            return Map.of();
        }
        String q = "select p.householdId, pm.memberId, pm.type from PlanMeasure pm join AssistancePlan p on p.id = pm.planId "
                + "where pm.startOn <= :on and (pm.endOn is null or pm.endOn >= :on)";
        List<Object[]> rows = households.size() <= 1000
                ? InLists.list(em, q + " and p.householdId in :keys", Object[].class, households, x -> x.setParameter("on", on))
                : em.createQuery(q, Object[].class).setParameter("on", on).getResultList();
        Map<Long, List<Object[]>> byHousehold = new java.util.HashMap<>();
        for (Object[] r : rows) {
            byHousehold.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(r);
        }
        return byHousehold;
    }

    private static Set<MeasureType> heldBy(long memberId, List<Object[]> householdMeasures) {
        if (householdMeasures.isEmpty()) {
            return Set.of();
        }
        Set<MeasureType> held = java.util.EnumSet.noneOf(MeasureType.class);
        for (Object[] m : householdMeasures) {
            if (m[1] == null || ((Long) m[1]) == memberId) {
                held.add((MeasureType) m[2]);
            }
        }
        return held;
    }

    ProgrammeRules rules(int year) {
        TenantInfo tenant = access.current();
        LocalDate today = clock.today();
        LocalDate on = year == today.getYear() ? today : year < today.getYear() ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
        return new ProgrammeRules(parameters, tenant.provinceId(), tenant.code(), year, on);
    }

    /** {@code year} when it may be asked about (2020 to next year), else PROGRAMME_YEAR_INVALID. */
    int checkedYear(int year) {
        return year(year);
    }

    private int year(Integer year) {
        int current = clock.year();
        int y = year == null ? current : year;
        if (y < 2020 || y > current + 1) {
            throw new ApiException(ProgrammeError.PROGRAMME_YEAR_INVALID, String.valueOf(y));
        }
        return y;
    }

    private List<AssistanceProgramme> sorted() {
        return programmes.stream().sorted(Comparator.comparing(AssistanceProgramme::id)).toList();
    }
}
