package cn.fpjc.app.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.core.platform.org.OrgUnit;
import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.tenancy.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import io.quarkus.test.junit.QuarkusTest;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.query.sqm.internal.SqmInterpretationsKey;
import org.hibernate.query.sqm.spi.InterpretationsKeySource;
import org.junit.jupiter.api.Test;

/**
 * Reads by a list of keys (issue 17): Hibernate keeps no plan for HQL with a list-valued parameter and translates it on
 * every call; {@link InLists} binds single values instead, so the plan is kept, and still finds every row, in lists of
 * at most 100 keys.
 */
@QuarkusTest
class InListsTest {
    static final String COUNTY = "410225";
    static final String HQL = "from OrgUnit u where u.code in :keys and u.name <> :not order by u.code";

    <T> T inCounty(java.util.function.Supplier<T> work) {
        return TenantScope.call(COUNTY, () -> QuarkusTransaction.requiringNew().call(work::get));
    }

    static QueryInterpretationCache plans(EntityManager em) {
        return em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache();
    }

    @Test
    void hibernateKeepsNoPlanForAListValuedParameterButKeepsTheHelpersPlan() {
        inCounty(() -> {
            EntityManager em = OrgUnit.getEntityManager();
            List<String> codes = OrgUnit.<OrgUnit>listAll().stream().map(u -> u.code).sorted().limit(3).toList();
            assertEquals(3, codes.size(), "the demo county has org units");

            // The premise: bound to a list, the query has no cache key, so it is translated on every call.
            TypedQuery<OrgUnit> listBound = em.createQuery(HQL.replace(":keys", ":codes"), OrgUnit.class)
                    .setParameter("codes", codes).setParameter("not", "-");
            assertNull(SqmInterpretationsKey.createInterpretationsKey(listBound.unwrap(InterpretationsKeySource.class)),
                    "Hibernate now caches plans for list parameters: InLists' expansion may no longer be needed");

            // The helper's query, as it runs: a key, and after the first run its plan is in the cache.
            List<QueryInterpretationCache.Key> keys = new ArrayList<>();
            List<OrgUnit> found = InLists.list(em, HQL, OrgUnit.class, codes, q -> {
                q.setParameter("not", "-");
                keys.add(SqmInterpretationsKey.createInterpretationsKey(q.unwrap(InterpretationsKeySource.class)));
            });
            assertEquals(codes, found.stream().map(u -> u.code).toList());
            assertEquals(1, keys.size());
            assertNotNull(keys.get(0), "single-valued parameters: Hibernate keeps the plan");
            assertNotNull(plans(em).resolveSelectQueryPlan(keys.get(0), () -> {
                throw new AssertionError("the plan was not kept");
            }));
            return null;
        });
    }

    @Test
    void findsEveryRowAcrossLists() {
        inCounty(() -> {
            EntityManager em = OrgUnit.getEntityManager();
            List<String> all = OrgUnit.<OrgUnit>listAll().stream().map(u -> u.code).toList();
            assertTrue(all.size() > 1 && all.size() < 200, "the demo county's org units: " + all.size());
            // 250 keys: every real code, unknown ones, duplicates and a null, so three lists of up to 100 distinct keys.
            List<String> keys = new ArrayList<>(all);
            IntStream.range(0, 250 - all.size() - 2).forEach(i -> keys.add("X" + i));
            keys.add(all.get(0));
            keys.add(null);
            List<Integer> widths = new ArrayList<>();
            List<OrgUnit> found = InLists.list(em, "from OrgUnit where code in :keys", OrgUnit.class, keys,
                    q -> widths.add(q.getParameters().size()));
            assertEquals(Set.copyOf(all), found.stream().map(u -> u.code).collect(Collectors.toSet()));
            assertEquals(all.size(), found.size(), "a duplicate key finds its row once");
            assertEquals(List.of(100, 100, 64), widths, "248 distinct keys: 100, 100 and 48 padded to 64");

            Map<String, String> names = InLists.pairs(em, "SELECT code, name FROM org_unit WHERE code IN (:keys)", keys, InLists::textKey);
            assertEquals(OrgUnit.<OrgUnit>listAll().stream().collect(Collectors.toMap(u -> u.code, u -> u.name)), names);
            assertTrue(InLists.list(em, "from OrgUnit where code in :keys", OrgUnit.class, Arrays.asList(null, null)).isEmpty());
            return null;
        });
    }

    @Test
    void aQueryMustNameItsListOnce() {
        inCounty(() -> {
            EntityManager em = OrgUnit.getEntityManager();
            for (String hql : List.of("from OrgUnit where code in :codes", "from OrgUnit where code in :keys or name in :keys",
                    "from OrgUnit where code in :keysToo", "from OrgUnit where code in ( :keys)")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> InLists.list(em, hql, OrgUnit.class, List.of("1")), hql);
                assertTrue(e.getMessage().contains(":keys"), e.getMessage());
            }
            return null;
        });
    }

    @Test
    void paddingKeepsTheTextsFew() {
        Set<Integer> widths = new HashSet<>();
        inCounty(() -> {
            EntityManager em = OrgUnit.getEntityManager();
            for (int n = 1; n <= 100; n++) {
                List<String> keys = IntStream.range(0, n).mapToObj(i -> "K" + i).toList();
                InLists.list(em, "from OrgUnit where code in :keys", OrgUnit.class, keys, q -> widths.add(q.getParameters().size()));
            }
            return null;
        });
        assertEquals(Set.of(1, 2, 4, 8, 16, 32, 64, 100), widths, "eight texts for lists of 1 to 100 keys");
    }
    @Test
    void aFixedListBecomesSingleValues() {
        InLists.Expanded e = InLists.values("h.category in :categories and m.schooling in :stages and :stagesOther = 1 and h.id > :after",
                new java.util.LinkedHashMap<>(Map.of("categories", List.of("A", "B"), "stages", Set.of("P"), "after", 7L)));
        assertTrue(e.hql().contains("h.category in (:categories0, :categories1)"), e.hql());
        assertTrue(e.hql().contains("m.schooling in (:stages0) and :stagesOther = 1"), e.hql());
        assertEquals(Map.of("categories0", "A", "categories1", "B", "stages0", "P", "after", 7L), e.parameters());
        assertThrows(IllegalArgumentException.class, () -> InLists.values("h.category in :categories", Map.of("categories", List.of())));
        assertThrows(IllegalArgumentException.class, () -> InLists.values("h.category in :categoriesX", Map.of("categories", List.of("A"))));
        assertThrows(IllegalArgumentException.class, () -> InLists.values("h.category in (:categories)", Map.of("categories", List.of("A", "B"))));

        // As a programme's scan runs it: one plan for the expanded text, found by a second page.
        inCounty(() -> {
            EntityManager em = OrgUnit.getEntityManager();
            InLists.Expanded levels = InLists.values("from OrgUnit where level in :levels and code > :after",
                    Map.of("levels", List.of(cn.fpjc.core.platform.org.OrgLevel.TOWNSHIP, cn.fpjc.core.platform.org.OrgLevel.VILLAGE), "after", ""));
            TypedQuery<OrgUnit> q = em.createQuery(levels.hql(), OrgUnit.class);
            levels.parameters().forEach(q::setParameter);
            assertEquals(OrgUnit.count(), q.getResultList().size(), "townships and villages are every org unit of a county");
            assertNotNull(SqmInterpretationsKey.createInterpretationsKey(q.unwrap(InterpretationsKeySource.class)));
            return null;
        });
    }
}
