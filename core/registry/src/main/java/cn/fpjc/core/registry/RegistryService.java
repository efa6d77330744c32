package cn.fpjc.core.registry;

import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.error.Versions;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.platform.web.SortBy;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.text.Inputs;
import cn.fpjc.core.platform.text.Labelled;

import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.policy.form.FormExtensions;
import cn.fpjc.core.platform.org.OrgLevel;
import cn.fpjc.core.platform.org.OrgUnit;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterOrigin;
import cn.fpjc.core.registry.RegistryRequests.CreateHousehold;
import cn.fpjc.core.registry.RegistryRequests.GuaranteeInput;
import cn.fpjc.core.registry.RegistryRequests.HouseholdInput;
import cn.fpjc.core.registry.RegistryRequests.IncomeInput;
import cn.fpjc.core.registry.RegistryRequests.MemberInput;
import cn.fpjc.core.registry.RegistryViews.EventView;
import cn.fpjc.core.registry.RegistryViews.GuaranteeView;
import cn.fpjc.core.registry.RegistryViews.HouseholdDetail;
import cn.fpjc.core.registry.RegistryViews.HouseholdSnapshot;
import cn.fpjc.core.registry.RegistryViews.HouseholdSummary;
import cn.fpjc.core.registry.RegistryViews.IncomeView;
import cn.fpjc.core.registry.RegistryViews.MemberView;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantConnections;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The household registry of the current county (DOMAIN.md §1). Every read is limited to the caller's org
 * scope (a village clerk sees its village); a household outside it is "not found", never "forbidden", so
 * existence does not leak. Writes are audited with masked snapshots.
 */
@ApplicationScoped
public class RegistryService {
    @Inject
    AppClock clock;

    static final String HOUSEHOLD = "household";
    static final String MEMBER = "member";
    /** Roles that may enter and correct registry data (within their org scope). */
    public static final String[] WRITERS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER, Roles.VILLAGE_CLERK };
    /** Roles that may read the registry (within their org scope). */
    public static final String[] READERS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER, Roles.VILLAGE_CLERK,
            Roles.RESPONSIBLE_OFFICIAL };

    @Inject
    jakarta.enterprise.inject.Instance<IncomeLocks> incomeLocks;

    @Inject
    AuditLog audit;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    TenantConnections connections;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    @Inject
    FormExtensions forms;

    @Inject
    EffectiveParameters parameters;

    // ---------------------------------------------------------------- reads
    // Reads run in one transaction so that their few queries share one connection checkout (outside a transaction
    // Hibernate takes and returns a connection per statement), except where the three statements of the transaction
    // itself cost more (detail, searchByIdNumber: see there).

    @Transactional
    public Page<HouseholdSummary> search(String q, String village, String category, String idNumber, boolean includeClosed,
            int page, int size) {
        return search(q, village, category, idNumber, includeClosed, BY_VILLAGE, page, size);
    }

    /** The columns the household list may be sorted by (each served by an index: uk_household_no, ix_household_village). */
    public static final Map<String, String> SORTS = SortBy.columns("householdNo", "户编号", "village", "村");

    /** The list's default order: by village, then 户编号. */
    public static final SortBy BY_VILLAGE = new SortBy("village", false);

    /** The search in the order asked for ({@link #SORTS}; see {@link SortBy#parse}). */
    @Transactional
    public Page<HouseholdSummary> search(String q, String village, String category, String idNumber, boolean includeClosed,
            SortBy sort, int page, int size) {
        String d = sort.dir();
        String order = switch (sort.column()) {
            case "householdNo" -> "h.householdNo " + d;
            case "village" -> "h.villageCode " + d + ", h.householdNo " + d;
            default -> throw new IllegalArgumentException("not a household sort: " + sort.column());
        };
        if (idNumber != null && !idNumber.isBlank() && (q == null || q.isBlank())) {
            return searchByIdNumber(village, category, idNumber, includeClosed, page, size);
        }
        return Page.of(matching(q, village, category, idNumber, includeClosed, order), page, size, 200, this::summaries);
    }

    /**
     * The exact ID search, in autocommit when the caller has no transaction: its one query runs on one connection
     * checkout, without the three round trips a transaction adds around it (SET autocommit=0, COMMIT, SET autocommit=1; issue 17). The person's
     * household comes by joins alone, one row per active member, and the head and member count are taken from those rows:
     * the list's projection spends two correlated subqueries on them, which made this statement cost MariaDB three times
     * a point select (mariadb-slap, 16 connections, 300,000 households: 9,705 q/s with the subqueries, 12,803 as joins,
     * 33,126 for the point select by hash alone). The statement is plain JDBC ({@link #onTenantConnection}). SUPPORTS: a
     * caller's transaction is joined, never suspended (that would hold a second connection).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HouseholdSummary> searchByIdNumber(String village, String category, String idNumber, boolean includeClosed, int page,
            int size) {
        user.requireAnyRole(READERS); // the role check first, as in every search
        // The 户类型 is checked before the ID number, as criteria() does for the general search.
        HouseholdCategory categoryFilter = category == null || category.isBlank() ? null : householdCategory(category);
        byte[] personHash = cipher.lookupHash(parseId(idNumber, "idNumber"));
        // The same filters as criteria(), in SQL: the caller's scope, open households unless asked, village, 户类型.
        StringBuilder sql = new StringBuilder("SELECT h.id, h.household_no, h.village_code, o.name, h.category, h.relocated,"
                + " h.no_labour_capacity, h.active, n.id, n.relation, n.name, n.id_masked FROM member p"
                + " JOIN household h ON h.id = p.household_id LEFT JOIN org_unit o ON o.code = h.village_code"
                + " LEFT JOIN member n ON n.household_id = h.id AND n.active = TRUE WHERE p.id_hash = ? AND h.village_code LIKE ?");
        List<Object> params = new ArrayList<>();
        params.add(personHash);
        params.add(OrgScope.likePrefix(user.orgCode())); // null for a user without an org: LIKE NULL matches nothing
        if (!includeClosed) {
            sql.append(" AND h.active = TRUE");
        }
        if (village != null && !village.isBlank()) {
            sql.append(" AND h.village_code LIKE ?");
            params.add(OrgScope.likePrefix(village.strip()));
        }
        if (categoryFilter != null) {
            sql.append(" AND h.category = ?");
            params.add(categoryFilter.name());
        }
        List<HouseholdSummary> found = new ArrayList<>(1);
        HouseholdSummary household = onTenantConnection(c -> householdOfPerson(c, sql.toString(), params));
        if (household != null) {
            found.add(household);
        }
        Page.Window w = Page.window(page, size, 200);
        return new Page<>(w.page() == 0 ? found : List.of(), found.size(), w.page(), w.size());
    }

    /** One row per active member of the person's household (none if it is outside the filters): the head and count from them. */
    private static HouseholdSummary householdOfPerson(java.sql.Connection c, String sql, List<Object> params) throws java.sql.SQLException {
        try (java.sql.PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
            try (java.sql.ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Object[] h = { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), HouseholdCategory.valueOf(rs.getString(5)),
                    rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8) };
                long headId = Long.MAX_VALUE;
                String headName = null;
                String headMasked = null;
                long members = 0;
                do {
                    long memberId = rs.getLong(9);
                    if (rs.wasNull()) {
                        continue; // a household without active members: one row, its member columns null
                    }
                    members++;
                    if (Relation.HEAD.name().equals(rs.getString(10)) && memberId < headId) {
                        headId = memberId; // the first head registered, as the list shows
                        headName = rs.getString(11);
                        headMasked = rs.getString(12);
                    }
                } while (rs.next());
                // In summaryQuery's column order, so that both searches build their answer in one place.
                return summary(new Object[] {h[0], h[1], h[2], h[3], h[4], headName, headMasked, members, h[5], h[6], h[7]});
            }
        }
    }

    /**
     * Runs a plain JDBC read on the county's database: on the caller's transaction's connection when there is one (after a
     * flush, as Hibernate does before a native query, so the read sees the transaction's own changes), otherwise on one
     * connection checkout in autocommit, without a Hibernate session. Issue 17: Hibernate's session, query and row
     * handling were about a tenth of the exact ID search's CPU in the app (JFR), for one statement whose rows are read here.
     */
    private <T> T onTenantConnection(org.hibernate.jdbc.ReturningWork<T> work) {
        try {
            if (transactions.getTransactionKey() != null) {
                org.hibernate.Session session = Household.getEntityManager().unwrap(org.hibernate.Session.class);
                session.flush();
                return session.doReturningWork(work);
            }
            try (java.sql.Connection c = connections.open(access.current())) {
                return work.execute(c);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("exact ID search failed", e);
        }
    }

    private static HouseholdCategory householdCategory(String category) {
        HouseholdCategory c = Labelled.parse(HouseholdCategory.class, category);
        if (c == null) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, "户类型可选：" + String.join("、", Labelled.labels(HouseholdCategory.class)));
        }
        return c;
    }

    /**
     * Every match in one village, in 户编号 order, handed to {@code consumer} {@code batch} at a time as one statement
     * streams them (Connector/J reads the rows as the server sends them; nothing is held but the batch). The caller owns
     * the transaction. Exports read a county village by village this way (issue 17: a page of 1,000 at a time, each its
     * own statement, left the database and the app waiting on each other: 65% and 30% of a core during an export).
     * An equality on the index's first column (ix_household_village) is an index range in 户编号 order whatever the table
     * statistics say; one statement over the whole county could be sorted instead.
     */
    public void eachInVillage(String q, String village, String category, String idNumber, boolean includeClosed, String inVillage,
            int batch, java.util.function.Consumer<List<HouseholdSummary>> consumer) {
        org.hibernate.query.SelectionQuery<Object[]> query = summaryQuery(criteria(q, village, category, idNumber, includeClosed, inVillage))
                .unwrap(org.hibernate.query.SelectionQuery.class);
        // Integer.MIN_VALUE is Connector/J's "stream the result set" on a forward-only, read-only statement (what a
        // Hibernate stream runs); any other fetch size reads the whole result into memory first.
        try (java.util.stream.Stream<Object[]> rows = query.setFetchSize(Integer.MIN_VALUE).getResultStream()) {
            List<HouseholdSummary> items = new ArrayList<>(batch);
            for (java.util.Iterator<Object[]> it = rows.iterator(); it.hasNext();) {
                items.add(summary(it.next()));
                if (items.size() == batch) {
                    consumer.accept(items);
                    items = new ArrayList<>(batch);
                }
            }
            if (!items.isEmpty()) {
                consumer.accept(items);
            }
        }
    }

    private static jakarta.persistence.TypedQuery<Object[]> summaryQuery(Criteria c) {
        jakarta.persistence.TypedQuery<Object[]> query = Household.getEntityManager().createQuery("select h.id, h.householdNo, h.villageCode,"
                + " o.name, h.category, hd.name, hd.idMasked, (select count(n) from Member n where n.householdId = h.id and n.active = true),"
                + " h.relocated, h.noLabourCapacity, h.active from Household h left join OrgUnit o on o.code = h.villageCode"
                + " left join Member hd on hd.id = (select min(x.id) from Member x where x.householdId = h.id and x.active = true"
                + " and x.relation = :headRelation) where " + c.where() + " order by h.villageCode, h.householdNo", Object[].class);
        c.params().forEach(query::setParameter);
        return query.setParameter("headRelation", Relation.HEAD);
    }

    private static HouseholdSummary summary(Object[] r) {
        HouseholdCategory type = (HouseholdCategory) r[4];
        return new HouseholdSummary((Long) r[0], (String) r[1], (String) r[2], r[3] == null ? (String) r[2] : (String) r[3], type.name(),
                type.label(), (String) r[5], (String) r[6], (Long) r[7], (Boolean) r[8], (Boolean) r[9], (Boolean) r[10]);
    }

    /** The codes of the villages in the caller's scope (narrowed to {@code village}, a code prefix, if given), in order. */
    public List<String> villagesInScope(String village) {
        user.requireAnyRole(READERS);
        String prefix = village == null || village.isBlank() ? OrgScope.likePrefix(user.orgCode()) : OrgScope.likePrefix(village.strip());
        return OrgUnit.<OrgUnit>list("level = ?1 and code like ?2 and code like ?3", Sort.by("code"), OrgLevel.VILLAGE,
                OrgScope.likePrefix(user.orgCode()), prefix).stream().map(u -> u.code).toList();
    }

    /** The search's query, limited to the caller's org scope, ordered by village and 户编号. */
    PanacheQuery<Household> matching(String q, String village, String category, String idNumber, boolean includeClosed) {
        return matching(q, village, category, idNumber, includeClosed, "h.villageCode, h.householdNo");
    }

    private PanacheQuery<Household> matching(String q, String village, String category, String idNumber, boolean includeClosed,
            String order) {
        Criteria c = criteria(q, village, category, idNumber, includeClosed, null);
        return Household.find("from Household h where " + c.where() + " order by " + order, c.params());
    }

    /** The search's condition on {@code Household h} and its parameters. */
    private record Criteria(String where, Map<String, Object> params) {
    }

    private Criteria criteria(String q, String village, String category, String idNumber, boolean includeClosed, String inVillage) {
        user.requireAnyRole(READERS);
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder("h.villageCode like :scope");
        p.put("scope", OrgScope.likePrefix(user.orgCode()));
        if (!includeClosed) {
            where.append(" and h.active = true");
        }
        if (village != null && !village.isBlank()) {
            where.append(" and h.villageCode like :village");
            p.put("village", OrgScope.likePrefix(village.strip()));
        }
        if (category != null && !category.isBlank()) {
            where.append(" and h.category = :category");
            p.put("category", householdCategory(category));
        }
        if (idNumber != null && !idNumber.isBlank()) {
            // An uncorrelated scalar subquery on the unique hash: MariaDB reads it once, as a constant, and then the household
            // by its key (EXPLAIN: both const). A correlated one would be probed once per household.
            IdNumber id = parseId(idNumber, "idNumber");
            where.append(" and h.id = (select m.householdId from Member m where m.idHash = :personHash)");
            p.put("personHash", cipher.lookupHash(id));
        }
        if (q != null && !q.isBlank()) {
            String text = q.strip().replace("\\", "").replace("%", "").replace("_", "");
            // Names never contain digits or hyphens, 户编号 never contain Chinese characters: search the one the text can be,
            // so each side uses its own index (household_no, or member.name through a semi-join) instead of an OR over both.
            boolean couldBeNumber = NUMBER_LIKE.matcher(text).matches();
            boolean couldBeName = !HAS_DIGIT_OR_HYPHEN.matcher(text).find();
            String byName = "h.id in (select m.householdId from Member m where m.active = true and m.name like :q)";
            where.append(couldBeNumber && couldBeName ? " and (h.householdNo like :q or " + byName + ")"
                    : couldBeNumber ? " and h.householdNo like :q" : " and " + byName);
            p.put("q", text + "%");
        }
        if (inVillage != null) {
            where.append(" and h.villageCode = :inVillage");
            p.put("inVillage", inVillage);
        }
        return new Criteria(where.toString(), p);
    }

    /** Summaries with head and member count, two queries per page whatever its size (members of a page, their villages). */
    List<HouseholdSummary> summaries(List<Household> households) {
        if (households.isEmpty()) {
            return List.of();
        }
        List<Long> ids = households.stream().map(h -> h.id).toList();
        Map<Long, Object[]> heads = new HashMap<>();
        Map<Long, Long> counts = new HashMap<>();
        // Only the four columns a summary shows, not Member entities (issue 17: hydrating three members per household was
        // most of the 台账 export's time). IN lists of at most 100 ids (InLists): beyond MariaDB's eq_range_index_dive_limit
        // (200) the optimizer estimates from index statistics, and on statistics not yet refreshed after a bulk load it
        // scans the whole member table instead.
        for (Object[] m : InLists.rows(Member.getEntityManager(), "SELECT household_id, id, relation, name, id_masked FROM member"
                + " WHERE household_id IN (:keys) AND active = TRUE", ids)) {
            Long household = ((Number) m[0]).longValue();
            m[1] = ((Number) m[1]).longValue();
            counts.merge(household, 1L, Long::sum);
            if (Relation.HEAD.name().equals(m[2])) {
                heads.merge(household, m, (a, b) -> (Long) a[1] < (Long) b[1] ? a : b); // the first head registered
            }
        }
        Map<String, String> villages = villageNames(households.stream().map(h -> h.villageCode).collect(Collectors.toSet()));
        return households.stream().map(h -> {
            Object[] head = heads.get(h.id);
            return new HouseholdSummary(h.id, h.householdNo, h.villageCode, villages.getOrDefault(h.villageCode, h.villageCode),
                    h.category.name(), h.category.label(), head == null ? null : (String) head[3], head == null ? null : (String) head[4],
                    counts.getOrDefault(h.id, 0L), h.relocated, h.noLabourCapacity, h.active);
        }).toList();
    }

    /**
     * SUPPORTS (issue 17): called alone, as by the API's GET, its six short reads run in autocommit instead of inside
     * SET autocommit=0 … COMMIT … SET autocommit=1; the pages call it inside their own transaction, which it joins. Each
     * read then takes its own checkout from the pool; Quarkus' connection cache for Agroal hands a thread back the
     * connection it last used, which is already on the county's database, so a switch (one USE) is needed only when that
     * thread last served another county.
     * The reads no longer share one snapshot: a write between two of them shows in the later parts, and any form opened
     * from the answer still carries each row's own version, so a stale edit is refused as ever (optimistic locking).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HouseholdDetail detail(long id) {
        user.requireAnyRole(READERS);
        return toDetail(visible(id));
    }

    @Transactional
    public HouseholdDetail detailByNo(String householdNo) {
        user.requireAnyRole(READERS);
        Household h = Household.findByNo(householdNo).filter(x -> OrgScope.covers(user.orgCode(), x.villageCode))
                .orElseThrow(() -> new ApiException(PlatformError.NOT_FOUND));
        return toDetail(h);
    }

    HouseholdDetail toDetail(Household h) {
        TenantInfo tenant = access.current();
        List<Member> members = Member.list("householdId = ?1", Sort.by("active", Sort.Direction.Descending).and("id"), h.id);
        List<MemberView> memberViews = members.stream().sorted(Comparator.comparing((Member m) -> !m.active)
                .thenComparing(m -> m.relation != Relation.HEAD).thenComparing(m -> m.birthDate)).map(this::view).toList();
        List<IncomeView> incomes = IncomeRecord.<IncomeRecord>list("householdId", Sort.by("incomeYear"), h.id).stream()
                .map(r -> incomeView(tenant, r)).toList();
        GuaranteeStatus g = GuaranteeStatus.findById(h.id);
        Map<Long, String> names = new HashMap<>();
        members.forEach(m -> names.put(m.id, m.name));
        List<HouseholdEvent> events = HouseholdEvent.list("householdId", Sort.by("occurredAt").and("id"), h.id);
        Set<Long> related = events.stream().map(e -> e.relatedHouseholdId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> relatedNos = InLists.pairs(Household.getEntityManager(), "SELECT id, household_no FROM household WHERE id IN (:keys)",
                related, InLists::longKey);
        List<Long> unknownMembers = events.stream().map(e -> e.memberId).filter(x -> x != null && !names.containsKey(x)).toList();
        names.putAll(InLists.pairs(Member.getEntityManager(), "SELECT id, name FROM member WHERE id IN (:keys)", unknownMembers, InLists::longKey));
        List<EventView> eventViews = events.stream().map(e -> new EventView(e.kind.name(), e.kind.label, e.memberId,
                e.memberId == null ? null : names.get(e.memberId), e.relatedHouseholdId == null ? null : relatedNos.get(e.relatedHouseholdId),
                e.detail, e.occurredAt, e.actor)).toList();
        return new HouseholdDetail(h.id, h.householdNo, h.villageCode, villageNames(Set.of(h.villageCode)).getOrDefault(h.villageCode, h.villageCode),
                h.address, h.category.name(), h.category.label(), h.relocated, h.noLabourCapacity, h.active, h.closedReason,
                forms.fromJson(h.extraJson), h.version, memberViews, incomes, g == null ? null : view(g), eventViews);
    }

    MemberView view(Member m) {
        int age = Period.between(m.birthDate, clock.today()).getYears();
        return new MemberView(m.id, m.name, m.idMasked, m.birthDate, age, m.sex, "M".equals(m.sex) ? "男" : "女", m.relation.name(),
                m.relation.label(), m.labour.name(), m.labour.label(), m.health.name(), m.health.label(), m.disabilityGrade,
                m.disabilityType, m.illness, m.schooling.name(), m.schooling.label(), m.employmentPlace.name(),
                m.employmentPlace.label(), m.employmentMonths, m.medicalInsured, m.pensionInsured, m.active, m.removedReason,
                forms.fromJson(m.extraJson), m.version);
    }

    IncomeView incomeView(TenantInfo tenant, IncomeRecord r) {
        EffectiveParameter threshold = parameters.resolve(tenant.provinceId(), tenant.code(), "monitoring.threshold", r.incomeYear);
        String t = threshold.origin() == ParameterOrigin.NOT_SET ? null : threshold.value();
        BigDecimal total = r.wage.add(r.productionNet).add(r.property).add(r.transfer);
        return new IncomeView(r.id, r.incomeYear, r.wage, r.productionNet, r.property, r.transfer, r.expenses, total, r.householdSize,
                r.perCapita, r.periodFrom, r.periodTo, t, t == null ? null : r.perCapita.compareTo(new BigDecimal(t)) < 0, r.version);
    }

    static GuaranteeView view(GuaranteeStatus g) {
        return new GuaranteeView(g.educationOk, g.medicalOk, g.housingGrade.name(), g.housingGrade.label(), g.housingCheckedOn,
                g.waterQuantityOk, g.waterQualityOk, g.waterConvenienceOk, g.waterGuaranteeOk, g.waterCheckedOn, g.assessedOn,
                g.allSecured(), g.version);
    }

    /** Village code → name for the given villages (a mutable map; codes not found are left out). */
    public static Map<String, String> villageNames(java.util.Collection<String> codes) {
        return InLists.pairs(OrgUnit.getEntityManager(), "SELECT code, name FROM org_unit WHERE code IN (:keys)", codes, InLists::textKey);
    }

    Household visible(long id) {
        Household h = Household.findById(id);
        if (h == null || !OrgScope.covers(user.orgCode(), h.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND);
        }
        return h;
    }

    Household writable(long id) {
        user.requireAnyRole(WRITERS);
        Household h = visible(id);
        if (!h.active) {
            throw new ApiException(RegistryError.HOUSEHOLD_CLOSED, h.householdNo);
        }
        return h;
    }

    // ---------------------------------------------------------------- writes

    @Transactional
    public HouseholdDetail create(CreateHousehold request) {
        user.requireAnyRole(WRITERS);
        TenantInfo tenant = access.current();
        List<FieldError> errors = new ArrayList<>();
        Household h = new Household();
        applyHousehold(tenant, h, request.household(), errors);
        List<MemberInput> inputs = request.members() == null ? List.of() : request.members();
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            members.add(newMember(tenant, inputs.get(i), "members[" + i + "].", errors));
        }
        long heads = members.stream().filter(m -> m.relation == Relation.HEAD).count();
        if (heads != 1) {
            errors.add(new FieldError("members", "每户须有且只有一名户主（现有" + heads + "名）"));
        }
        duplicateIdsInRequest(inputs, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        ensureNewHouseholdNo(h.householdNo);
        h.createdAt = clock.now();
        h.updatedAt = h.createdAt;
        h.persist();
        for (Member m : members) {
            ensureNotRegistered(m);
            m.householdId = h.id;
            m.createdAt = h.createdAt;
            m.updatedAt = h.createdAt;
            m.persist();
        }
        event(h.id, HouseholdEvent.Kind.CREATED, null, null, members.size() + "人");
        keepHeadNames(h.id);
        audit.record("CREATE", HOUSEHOLD, h.householdNo, null, snapshot(h));
        return toDetail(h);
    }

    @Transactional
    public HouseholdDetail update(long id, HouseholdInput input) {
        Household h = writable(id);
        checkVersion(h.version, input.version());
        HouseholdSnapshot before = snapshot(h);
        List<FieldError> errors = new ArrayList<>();
        String oldNo = h.householdNo;
        applyHousehold(access.current(), h, input, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        if (!oldNo.equals(h.householdNo)) {
            ensureNewHouseholdNo(h.householdNo);
        }
        h.updatedAt = clock.now();
        Household.flush();
        audit.record("UPDATE", HOUSEHOLD, h.householdNo, before, snapshot(h));
        return toDetail(h);
    }

    @Transactional
    public HouseholdDetail addMember(long householdId, MemberInput input) {
        Household h = writable(householdId);
        List<FieldError> errors = new ArrayList<>();
        Member m = newMember(access.current(), input, "", errors);
        if (m.relation == Relation.HEAD && hasOtherHead(h.id, null)) {
            errors.add(new FieldError("relation", "该户已有户主；如需更换户主，请先修改原户主的关系"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        ensureNotRegistered(m);
        m.householdId = h.id;
        m.createdAt = clock.now();
        m.updatedAt = m.createdAt;
        m.persist();
        event(h.id, HouseholdEvent.Kind.MEMBER_ADDED, m.id, null, null);
        keepHeadNames(h.id);
        audit.record("CREATE", MEMBER, String.valueOf(m.id), null, view(m));
        return toDetail(h);
    }

    @Transactional
    public HouseholdDetail updateMember(long householdId, long memberId, MemberInput input) {
        Household h = writable(householdId);
        Member m = memberOf(h, memberId);
        checkVersion(m.version, input.version());
        MemberView before = view(m);
        List<FieldError> errors = new ArrayList<>();
        Relation oldRelation = m.relation;
        // Before the input is applied: a flush of a half-applied member (a required field refused, so null) would fail.
        boolean otherHead = hasOtherHead(h.id, m.id);
        MemberRules.apply(m, input, "", errors);
        m.extraJson = forms.toJson(extras(access.current(), "member", input.extra(), "", errors));
        // The form shows the masked number; only a different, full number is a correction.
        if (input.idNumber() != null && !input.idNumber().isBlank() && !input.idNumber().strip().equalsIgnoreCase(before.idMasked())) {
            IdNumber id = parseIdInto(input.idNumber(), "idNumber", errors);
            if (id != null) {
                Member other = Member.findByHash(cipher.lookupHash(id)).orElse(null);
                if (other != null && !other.id.equals(m.id)) {
                    throw alreadyRegistered(id.masked(), other);
                }
                setId(m, id);
            }
        }
        if (m.relation == Relation.HEAD && oldRelation != Relation.HEAD && otherHead) {
            errors.add(new FieldError("relation", "该户已有户主；请先修改原户主的关系"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        m.updatedAt = clock.now();
        if (oldRelation == Relation.HEAD && m.relation != Relation.HEAD || oldRelation != Relation.HEAD && m.relation == Relation.HEAD) {
            event(h.id, HouseholdEvent.Kind.HEAD_CHANGED, m.id, null, oldRelation.label() + " → " + m.relation.label());
        }
        keepHeadNames(h.id);
        audit.record("UPDATE", MEMBER, String.valueOf(m.id), before, view(m));
        return toDetail(h);
    }

    /** Removes a member from the household (death, moved away from the county …); the row stays, inactive. */
    @Transactional
    public HouseholdDetail removeMember(long householdId, long memberId, String reason) {
        Household h = writable(householdId);
        Member m = memberOf(h, memberId);
        if (reason == null || reason.isBlank()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("reason", "请填写减少原因（如死亡、迁出本县）")));
        }
        if (m.relation == Relation.HEAD && activeCount(h.id) > 1) {
            throw new ApiException(RegistryError.HOUSEHOLD_HEAD_RULE, "请先指定新户主，再减少原户主");
        }
        MemberView before = view(m);
        m.active = false;
        m.removedReason = reason.strip();
        m.updatedAt = clock.now();
        event(h.id, HouseholdEvent.Kind.MEMBER_REMOVED, m.id, null, m.removedReason);
        keepHeadNames(h.id);
        audit.record("REMOVE", MEMBER, String.valueOf(m.id), before, view(m));
        return toDetail(h);
    }

    @Transactional
    public HouseholdDetail moveMember(long householdId, long memberId, RegistryRequests.MoveMember request) {
        Household from = writable(householdId);
        Member m = memberOf(from, memberId);
        if (request.toHouseholdNo() == null || request.toHouseholdNo().isBlank()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("toHouseholdNo", "请填写迁入户的户编号")));
        }
        Household to = Household.findByNo(request.toHouseholdNo().strip())
                .filter(x -> x.active && OrgScope.covers(user.orgCode(), x.villageCode))
                .orElseThrow(() -> new ApiException(PlatformError.NOT_FOUND, "迁入户 " + request.toHouseholdNo().strip()));
        if (to.id.equals(from.id)) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("toHouseholdNo", "迁入户不能是本户")));
        }
        if (m.relation == Relation.HEAD && activeCount(from.id) > 1) {
            throw new ApiException(RegistryError.HOUSEHOLD_HEAD_RULE, "请先指定本户新户主，再迁出原户主");
        }
        List<FieldError> errors = new ArrayList<>();
        Relation relation = Inputs.required(Relation.class, request.relation(), "relation", "在迁入户中与户主关系", errors);
        if (relation == Relation.HEAD) {
            errors.add(new FieldError("relation", "迁入户已有户主"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        MemberView before = view(m);
        m.householdId = to.id;
        m.relation = relation;
        m.updatedAt = clock.now();
        String reason = Inputs.blankToNull(request.reason());
        event(from.id, HouseholdEvent.Kind.MEMBER_MOVED_OUT, m.id, to.id, reason);
        event(to.id, HouseholdEvent.Kind.MEMBER_MOVED_IN, m.id, from.id, reason);
        if (activeCount(from.id) == 0) {
            close(from, "成员全部迁出");
        }
        keepHeadNames(from.id, to.id);
        audit.record("MOVE", MEMBER, String.valueOf(m.id), before, view(m));
        return toDetail(from);
    }

    @Transactional
    public HouseholdDetail split(long householdId, RegistryRequests.Split request) {
        Household from = writable(householdId);
        List<Long> ids = request.memberIds() == null ? List.of() : request.memberIds().stream().distinct().toList();
        List<FieldError> errors = new ArrayList<>();
        if (ids.isEmpty()) {
            errors.add(new FieldError("memberIds", "请选择分出的成员"));
        }
        if (request.headMemberId() == null || !ids.contains(request.headMemberId())) {
            errors.add(new FieldError("headMemberId", "请在分出的成员中指定新户户主"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        List<Member> moving = ids.stream().map(id -> memberOf(from, id)).toList();
        long remaining = activeCount(from.id) - moving.size();
        if (remaining < 1) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("memberIds", "原户至少保留一名成员；整户并入他户请用“合户”")));
        }
        if (moving.stream().anyMatch(m -> m.relation == Relation.HEAD)) {
            throw new ApiException(RegistryError.HOUSEHOLD_HEAD_RULE, "原户户主不能分出；请先变更原户户主");
        }
        Household created = new Household();
        applyHousehold(access.current(), created, new HouseholdInput(request.newHouseholdNo(), from.villageCode,
                request.address() == null || request.address().isBlank() ? from.address : request.address(), from.category.name(),
                from.relocated, false, forms.fromJson(from.extraJson), null), errors); // the province's fields carry over
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        ensureNewHouseholdNo(created.householdNo);
        created.createdAt = clock.now();
        created.updatedAt = created.createdAt;
        created.persist();
        String reason = Inputs.blankToNull(request.reason());
        for (Member m : moving) {
            m.householdId = created.id;
            m.relation = m.id.equals(request.headMemberId()) ? Relation.HEAD : m.relation;
            m.updatedAt = created.createdAt;
            event(from.id, HouseholdEvent.Kind.MEMBER_MOVED_OUT, m.id, created.id, reason);
            event(created.id, HouseholdEvent.Kind.MEMBER_MOVED_IN, m.id, from.id, reason);
        }
        event(from.id, HouseholdEvent.Kind.SPLIT_INTO, null, created.id, reason);
        event(created.id, HouseholdEvent.Kind.SPLIT_FROM, null, from.id, reason);
        keepHeadNames(from.id, created.id);
        audit.record("SPLIT", HOUSEHOLD, from.householdNo, null, Map.of("newHousehold", snapshot(created), "members", ids));
        return toDetail(created);
    }

    @Transactional
    public HouseholdDetail merge(long householdId, RegistryRequests.Merge request) {
        Household from = writable(householdId);
        Household into = request.intoHouseholdNo() == null ? null : Household.findByNo(request.intoHouseholdNo().strip())
                .filter(x -> x.active && OrgScope.covers(user.orgCode(), x.villageCode)).orElse(null);
        if (into == null || into.id.equals(from.id)) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("intoHouseholdNo", "请填写本县另一户有效的户编号")));
        }
        String reason = Inputs.blankToNull(request.reason());
        Instant now = clock.now();
        for (Member m : Member.<Member>list("householdId = ?1 and active = true", from.id)) {
            m.householdId = into.id;
            if (m.relation == Relation.HEAD) {
                m.relation = Relation.OTHER;
            }
            m.updatedAt = now;
            event(from.id, HouseholdEvent.Kind.MEMBER_MOVED_OUT, m.id, into.id, reason);
            event(into.id, HouseholdEvent.Kind.MEMBER_MOVED_IN, m.id, from.id, reason);
        }
        event(from.id, HouseholdEvent.Kind.MERGED_INTO, null, into.id, reason);
        event(into.id, HouseholdEvent.Kind.MERGED_FROM, null, from.id, reason);
        HouseholdSnapshot before = snapshot(from);
        close(from, "并入 " + into.householdNo + (reason == null ? "" : "：" + reason));
        keepHeadNames(from.id, into.id);
        audit.record("MERGE", HOUSEHOLD, from.householdNo, before, snapshot(from));
        return toDetail(into);
    }

    @Transactional
    public HouseholdDetail recordIncome(long householdId, IncomeInput input) {
        Household h = writable(householdId);
        List<FieldError> errors = new ArrayList<>();
        int year = input.year() == null ? 0 : input.year();
        int thisYear = clock.year();
        if (year < 2015 || year > thisYear) {
            errors.add(new FieldError("year", "年度应在2015—" + thisYear + "之间"));
        }
        BigDecimal wage = money(input.wage(), "wage", "工资性收入", errors);
        BigDecimal production = signedMoney(input.productionNet(), "productionNet", "生产经营性净收入", errors);
        BigDecimal property = money(input.property(), "property", "财产性收入", errors);
        BigDecimal transfer = money(input.transfer(), "transfer", "转移性收入", errors);
        BigDecimal expenses = money(input.expenses(), "expenses", "合规自付支出", errors);
        LocalDate from = input.periodFrom() == null && year > 0 ? LocalDate.of(year, 1, 1) : input.periodFrom();
        LocalDate to = input.periodTo() == null && year > 0 ? LocalDate.of(year, 12, 31) : input.periodTo();
        String fromProblem = IncomeRecord.periodDateProblem("统计期开始日期", from, clock.today());
        String toProblem = IncomeRecord.periodDateProblem("统计期结束日期", to, clock.today());
        if (fromProblem != null) {
            errors.add(new FieldError("periodFrom", fromProblem));
        }
        if (toProblem != null) {
            errors.add(new FieldError("periodTo", toProblem));
        } else if (fromProblem == null && from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("periodTo", "统计期结束日期不能早于开始日期"));
        }
        int size = (int) activeCount(h.id);
        if (size == 0) {
            errors.add(new FieldError("householdSize", "该户没有在册成员，无法计算人均收入"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        IncomeRecord r = IncomeRecord.<IncomeRecord>find("householdId = ?1 and incomeYear = ?2", h.id, year).firstResult();
        for (IncomeLocks lock : incomeLocks) {
            LocalDate period = r != null && r.periodFrom.isBefore(from) ? r.periodFrom : from;
            lock.lockedBecause(h.id, period).ifPresent(why -> {
                throw new ApiException(RegistryError.INCOME_LOCKED, why);
            });
        }
        IncomeView before = null;
        if (r == null) {
            r = new IncomeRecord();
            r.householdId = h.id;
            r.incomeYear = year;
            r.createdAt = clock.now();
        } else {
            checkVersion(r.version, input.version());
            before = incomeView(access.current(), r);
        }
        r.wage = wage;
        r.productionNet = production;
        r.property = property;
        r.transfer = transfer;
        r.expenses = expenses;
        r.householdSize = size;
        r.perCapita = IncomeRecord.perCapita(wage, production, property, transfer, expenses, size);
        r.periodFrom = from;
        r.periodTo = to;
        r.updatedAt = clock.now();
        r.persist();
        IncomeRecord.flush();
        audit.record(before == null ? "CREATE" : "UPDATE", "income_record", h.householdNo + "/" + year, before,
                incomeView(access.current(), r));
        return toDetail(h);
    }

    @Transactional
    public HouseholdDetail recordGuarantee(long householdId, GuaranteeInput input) {
        Household h = writable(householdId);
        List<FieldError> errors = new ArrayList<>();
        HousingGrade grade = Inputs.required(HousingGrade.class, input.housingGrade(), "housingGrade", "住房安全等级", errors);
        Boolean[] answers = { input.educationOk(), input.medicalOk(), input.waterQuantityOk(), input.waterQualityOk(),
                input.waterConvenienceOk(), input.waterGuaranteeOk() };
        String[] fields = { "educationOk", "medicalOk", "waterQuantityOk", "waterQualityOk", "waterConvenienceOk", "waterGuaranteeOk" };
        for (int i = 0; i < fields.length; i++) {
            if (answers[i] == null) {
                errors.add(new FieldError(fields[i], "请选择是否达标"));
            }
        }
        LocalDate today = clock.today();
        LocalDate assessed = input.assessedOn() == null ? today : input.assessedOn();
        for (Object[] d : new Object[][] { { "assessedOn", assessed }, { "housingCheckedOn", input.housingCheckedOn() },
                { "waterCheckedOn", input.waterCheckedOn() } }) {
            if (d[1] != null && ((LocalDate) d[1]).isAfter(today)) {
                errors.add(new FieldError((String) d[0], "日期不能晚于今天"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        GuaranteeStatus g = GuaranteeStatus.findById(h.id);
        GuaranteeView before = null;
        if (g == null) {
            g = new GuaranteeStatus();
            g.householdId = h.id;
        } else {
            checkVersion(g.version, input.version());
            before = view(g);
        }
        g.educationOk = input.educationOk();
        g.medicalOk = input.medicalOk();
        g.housingGrade = grade;
        g.housingCheckedOn = input.housingCheckedOn();
        g.waterQuantityOk = input.waterQuantityOk();
        g.waterQualityOk = input.waterQualityOk();
        g.waterConvenienceOk = input.waterConvenienceOk();
        g.waterGuaranteeOk = input.waterGuaranteeOk();
        g.waterCheckedOn = input.waterCheckedOn();
        g.assessedOn = assessed;
        g.updatedAt = clock.now();
        g.persist();
        GuaranteeStatus.flush();
        audit.record(before == null ? "CREATE" : "UPDATE", "guarantee_status", h.householdNo, before, view(g));
        return toDetail(h);
    }

    /** The full ID number, for an authorised role in scope, with a stated reason; every reveal is audited. */
    @Transactional
    public RegistryViews.Revealed reveal(long householdId, long memberId, String reason) {
        user.requireAnyRole(WRITERS);
        Household h = visible(householdId);
        Member m = Member.findById(memberId);
        if (m == null || !m.householdId.equals(h.id)) {
            throw new ApiException(PlatformError.NOT_FOUND);
        }
        if (reason == null || reason.strip().length() < 2) {
            throw new ApiException(RegistryError.REVEAL_REASON_REQUIRED);
        }
        audit.record("REVEAL", MEMBER, String.valueOf(m.id), null, Map.of("idMasked", m.idMasked, "reason", reason.strip()));
        return new RegistryViews.Revealed(m.id, cipher.decrypt(m.idCipher).value());
    }

    // ---------------------------------------------------------------- helpers

    void applyHousehold(TenantInfo tenant, Household h, HouseholdInput in, List<FieldError> errors) {
        String no = in.householdNo() == null ? "" : in.householdNo().strip();
        if (!HOUSEHOLD_NO.matcher(no).matches()) {
            errors.add(new FieldError("householdNo", "户编号应为4—32位数字、字母或连字符"));
        }
        h.householdNo = no;
        String village = in.villageCode() == null ? "" : in.villageCode().strip();
        if (!OrgScope.isVillage(village) || !village.startsWith(tenant.code()) || !OrgScope.covers(user.orgCode(), village)
                || OrgUnit.count("code = ?1 and level = ?2", village, OrgLevel.VILLAGE) == 0) {
            errors.add(new FieldError("villageCode", RegistryError.VILLAGE_OUT_OF_SCOPE.message()));
        }
        h.villageCode = village;
        h.address = Inputs.blankToNull(in.address());
        if (h.address != null && h.address.length() > 255) {
            errors.add(new FieldError("address", "地址不超过255个字"));
        }
        HouseholdCategory c = Inputs.required(HouseholdCategory.class, in.category(), "category", "户类型", errors);
        h.category = c;
        h.relocated = Boolean.TRUE.equals(in.relocated());
        h.noLabourCapacity = Boolean.TRUE.equals(in.noLabourCapacity());
        h.extraJson = forms.toJson(extras(tenant, "household", in.extra(), "", errors));
    }

    /** Province extra fields, checked; refusals named "&lt;prefix&gt;extra.&lt;key&gt;" (a new household's members: "members[i]."). */
    Map<String, Object> extras(TenantInfo tenant, String form, Map<String, Object> input, String prefix, List<FieldError> errors) {
        return forms.validate(tenant.provinceId(), tenant.code(), form, input, prefix, errors);
    }

    Member newMember(TenantInfo tenant, MemberInput in, String prefix, List<FieldError> errors) {
        Member m = new Member();
        MemberRules.apply(m, in, prefix, errors);
        m.extraJson = forms.toJson(extras(tenant, "member", in.extra(), prefix, errors));
        IdNumber id = parseIdInto(in.idNumber(), prefix + "idNumber", errors);
        if (id != null) {
            setId(m, id);
        }
        return m;
    }

    void setId(Member m, IdNumber id) {
        m.idCipher = cipher.encrypt(id);
        m.idHash = cipher.lookupHash(id);
        m.idMasked = id.masked();
        m.birthDate = id.birthDate();
        m.sex = id.sex();
    }

    IdNumber parseIdInto(String raw, String field, List<FieldError> errors) {
        try {
            return IdNumber.parse(raw, clock.today());
        } catch (IdNumber.Invalid e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    IdNumber parseId(String raw, String field) {
        try {
            return IdNumber.parse(raw, clock.today());
        } catch (IdNumber.Invalid e) {
            throw new ApiException(RegistryError.ID_NUMBER_INVALID, null, List.of(new FieldError(field, e.getMessage())));
        }
    }

    void duplicateIdsInRequest(List<MemberInput> inputs, List<FieldError> errors) {
        Map<String, Integer> seen = new HashMap<>();
        LocalDate today = clock.today();
        for (int i = 0; i < inputs.size(); i++) {
            String raw = inputs.get(i).idNumber();
            if (raw != null && IdNumber.isValid(raw, today)) {
                Integer first = seen.putIfAbsent(IdNumber.parse(raw, today).value(), i);
                if (first != null) {
                    errors.add(new FieldError("members[" + i + "].idNumber", "与第" + (first + 1) + "名成员的身份证号重复"));
                }
            }
        }
    }

    void ensureNotRegistered(Member m) {
        Member other = Member.findByHash(m.idHash).orElse(null);
        if (other != null) {
            throw alreadyRegistered(m.idMasked, other);
        }
    }

    /** Said instead of the other household's number when the caller's org scope does not cover it (API and import). */
    public static final String REGISTERED_OUT_OF_SCOPE = "已在本县其他农户中登记，请联系乡镇或县级核实";

    /** Names the household the person is in only to a caller whose org scope covers it: its 户编号 is not theirs to learn. */
    ApiException alreadyRegistered(String idMasked, Member other) {
        Household h = Household.findById(other.householdId);
        String where = h != null && OrgScope.covers(user.orgCode(), h.villageCode) ? "户编号 " + h.householdNo : REGISTERED_OUT_OF_SCOPE;
        return new ApiException(RegistryError.PERSON_ALREADY_REGISTERED, idMasked + "（" + where + "）");
    }

    /** The friendly refusal; under a race the key uk_household_no refuses the second insert the same way (RegistryUniqueKeys). */
    static void ensureNewHouseholdNo(String no) {
        if (Household.count("householdNo", no) > 0) {
            throw new ApiException(RegistryError.HOUSEHOLD_NO_TAKEN, no);
        }
    }

    static Member memberOf(Household h, long memberId) {
        Member m = Member.findById(memberId);
        if (m == null || !m.householdId.equals(h.id) || !m.active) {
            throw new ApiException(PlatformError.NOT_FOUND);
        }
        return m;
    }

    /**
     * Whether the household has an active head other than {@code except}, the member being edited (the check used to run
     * after the edit was applied and flushed, found the member itself, and refused every 更换户主 by editing a member).
     * A locking read: two edits making two members head at once wait for each other (or one is rolled back as a deadlock
     * and retried), and the later one sees the first. Native, as the other row locks: Hibernate's MySQL dialect writes
     * "FOR UPDATE OF alias", which MariaDB refuses.
     */
    static boolean hasOtherHead(long householdId, Long except) {
        return !Member.getEntityManager().createNativeQuery("SELECT id FROM member WHERE household_id = ?1 AND active = TRUE"
                + " AND relation = 'HEAD' AND id <> ?2 LIMIT 1 FOR UPDATE").setParameter(1, householdId)
                .setParameter(2, except == null ? -1L : except).getResultList().isEmpty();
    }

    static long activeCount(long householdId) {
        return Member.count("householdId = ?1 and active = true", householdId);
    }

    /**
     * Flushes, then sets {@code household.head_name} of these households from their members: the first active head by id,
     * as every other reader of the 户主 picks it (null when there is none). Every registry write that adds, edits, removes
     * or moves a member ends here, in that write's transaction. Issue 17: the inbox reads the 户主 from the household it
     * already joins instead of a member lookup per line (about 45% of the statement's time in mariadb-slap).
     * A native statement, so the household's @Version is not bumped: a member edit does not make an open household
     * form stale. Its subquery is a locking read (REPEATABLE READ, InnoDB: shared locks on the member rows it reads), and
     * it takes the household row's write lock, so two transactions editing one household's members cannot leave the
     * name of the one that committed first. Households of the release before (null until then) and rows a replica of it
     * changed during a rolling upgrade are set by {@link HeadNameRepairJob}.
     */
    static void keepHeadNames(Long... householdIds) {
        Household.flush();
        Household.getEntityManager().createNativeQuery(HEAD_NAME_UPDATE + " WHERE h.id IN (:ids)")
                .setParameter("ids", List.of(householdIds)).executeUpdate();
    }

    /** What a 户编号 may be; the import checks its rows against the same rule. */
    public static final java.util.regex.Pattern HOUSEHOLD_NO = java.util.regex.Pattern.compile("[0-9A-Za-z-]{4,32}");
    private static final java.util.regex.Pattern NUMBER_LIKE = java.util.regex.Pattern.compile("[0-9A-Za-z-]+");
    private static final java.util.regex.Pattern HAS_DIGIT_OR_HYPHEN = java.util.regex.Pattern.compile("[0-9-]");

    /**
     * The 户主 name of household {@code h} as its members say it, an SQL subquery: the first active head by id (null when
     * there is none). The one definition behind the copy, its repair and the inbox's fallback where the copy is null.
     */
    public static final String HEAD_NAME_OF_H = "(SELECT m.name FROM member m WHERE m.household_id = h.id AND m.active = TRUE"
            + " AND m.relation = 'HEAD' ORDER BY m.id LIMIT 1)";

    /** The statement that sets household.head_name (h) from the members; callers add the WHERE. */
    static final String HEAD_NAME_UPDATE = "UPDATE household h SET h.head_name = " + HEAD_NAME_OF_H;

    void close(Household h, String reason) {
        h.active = false;
        h.closedReason = reason;
        h.updatedAt = clock.now();
    }

    void event(long householdId, HouseholdEvent.Kind kind, Long memberId, Long related, String detail) {
        HouseholdEvent e = new HouseholdEvent();
        e.householdId = householdId;
        e.kind = kind;
        e.memberId = memberId;
        e.relatedHouseholdId = related;
        e.detail = detail;
        e.occurredAt = clock.now();
        e.actor = user.isAuthenticated() ? user.username() : "system";
        e.persist();
    }

    static void checkVersion(long current, Long expected) {
        Versions.check(current, expected);
    }

    static BigDecimal money(BigDecimal v, String field, String label, List<FieldError> errors) {
        BigDecimal m = signedMoney(v, field, label, errors);
        if (m.signum() < 0) {
            errors.add(new FieldError(field, "「" + label + "」不能为负数"));
        }
        return m;
    }

    /** Net production income may be negative (a loss year); other components may not. */
    static BigDecimal signedMoney(BigDecimal v, String field, String label, List<FieldError> errors) {
        if (v == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (v.scale() > 2 || v.abs().compareTo(new BigDecimal("100000000")) >= 0) {
            errors.add(new FieldError(field, "「" + label + "」应为金额（元，最多两位小数）"));
            return BigDecimal.ZERO.setScale(2);
        }
        return v.setScale(2);
    }

    HouseholdSnapshot snapshot(Household h) {
        return new HouseholdSnapshot(h.householdNo, h.villageCode, h.address, h.category.name(), h.relocated, h.noLabourCapacity,
                h.active, h.closedReason, forms.fromJson(h.extraJson));
    }
}
