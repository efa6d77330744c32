package cn.fpjc.app.bench;

import cn.fpjc.core.platform.query.InLists;
import cn.fpjc.core.platform.tenancy.TenantScope;
import cn.fpjc.core.registry.Household;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What a read by a list of keys costs (issue 17), never the normal test command:
 * {@code ./mvnw -o test -pl app -Dtest=InListsBenchmark -Dfpjc.bench.inlists=true}. Households by id, 1, 10 and 100 ids,
 * in one transaction of the demo county 410225, id and 户编号 read: HQL with the list bound as one parameter (translated
 * on every call), the same HQL through {@link InLists} (planned once), and the bare JDBC statement with as many
 * placeholders on the same connection, the baseline. The three take turns within each round; prints microseconds per
 * call, the median of 7 rounds of 300 calls, after a whole pass and 2 rounds of warm-up.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "fpjc.bench.inlists", matches = "true")
class InListsBenchmark {
    static final int ROUNDS = 7;
    static final int CALLS = 300;

    @Test
    void printsMicrosecondsPerCall() {
        TenantScope.run("410225", () -> QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Household.getEntityManager();
            List<Long> known = em.createQuery("select h.id from Household h order by h.id", Long.class).setMaxResults(100).getResultList();
            System.out.printf(Locale.ROOT, "%n| ids | HQL, list bound (µs) | InLists (µs) | JDBC (µs) | HQL ÷ JDBC | InLists ÷ JDBC |%n|---|---|---|---|---|---|%n");
            for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up; the second is printed
                for (int n : new int[] {1, 10, 100}) {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; ids.size() < n; i++) {
                        ids.add(i < known.size() ? known.get(i) : -1L - i); // unknown ids beyond the county's households
                    }
                    int expected = (int) ids.stream().filter(id -> id > 0).count();
                    String sql = "SELECT id, household_no FROM household WHERE id IN (" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
                    double[][] rounds = new double[3][ROUNDS];
                    for (int r = -2; r < ROUNDS; r++) { // the three ways in turn within each round, so a slower moment hits all three
                        double hql = micros(() -> em.createQuery("select h.id, h.householdNo from Household h where h.id in :ids", Object[].class)
                                .setParameter("ids", ids).getResultList().size(), expected);
                        double helper = micros(() -> InLists.list(em, "select h.id, h.householdNo from Household h where h.id in :keys",
                                Object[].class, ids).size(), expected);
                        double jdbc = micros(() -> em.unwrap(Session.class).doReturningWork(c -> jdbc(c, sql, ids)), expected);
                        if (r >= 0) {
                            rounds[0][r] = hql;
                            rounds[1][r] = helper;
                            rounds[2][r] = jdbc;
                        }
                    }
                    if (pass == 1) {
                        double hql = median(rounds[0]);
                        double helper = median(rounds[1]);
                        double jdbc = median(rounds[2]);
                        System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.1f× | %.1f× |%n", n, hql, helper, jdbc, hql / jdbc, helper / jdbc);
                    }
                }
            }
        }));
    }

    private static int jdbc(Connection c, String sql, List<Long> ids) throws java.sql.SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                st.setLong(i + 1, ids.get(i));
            }
            int rows = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    /** Microseconds per call over CALLS calls, each checked. */
    private static double micros(Supplier<Integer> call, int expected) {
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            int found = call.get();
            if (found != expected) {
                throw new AssertionError("found " + found + " households, expected " + expected);
            }
        }
        return (System.nanoTime() - start) / 1000.0 / CALLS;
    }

    private static double median(double[] rounds) {
        double[] sorted = rounds.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
