package cn.fpjc.app.registry;

import static cn.fpjc.app.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Parallel;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registering under a race: two requests at once with the same 户编号 (or the same person) both pass the checks before
 * their insert; the unique key refuses the second, and its caller gets the registry's 409 — never a 500.
 */
@QuarkusTest
class HouseholdRaceTest {
    static final int PAIRS = 10;
    static String county;
    static String village;
    static String clerk;

    @BeforeEach
    void data() {
        if (county != null) {
            return;
        }
        county = Api.onboard("henan", "41");
        String admin = Api.createUser("t_hrace_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        village = Api.addTownshipAndVillage(admin, county, "101")[1];
        clerk = Api.createUser("t_hrace_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        Api.token(clerk);
    }

    static Map<String, Object> household(String no, String person) {
        return Map.of("householdNo", no, "villageCode", village, "category", "一般农户", "members", List.of(Map.of("name", "钱有田",
                "idNumber", person, "relation", "户主", "labour", "普通劳动力", "health", "健康")));
    }

    /** Sends each pair's two bodies, all pairs at once; returns each pair's "status code" answers, sorted. */
    static List<List<String>> racePairs(IntFunction<List<Map<String, Object>>> pair) throws Exception {
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            for (Map<String, Object> body : pair.apply(i)) {
                calls.add(() -> {
                    Response r = as(clerk).body(body).post("/api/counties/" + county + "/households");
                    return r.statusCode() + (r.statusCode() == 201 ? "" : " " + r.jsonPath().getString("code"));
                });
            }
        }
        List<String> answers = Parallel.atOnce(calls);
        List<List<String>> pairs = new ArrayList<>();
        for (int i = 0; i < answers.size(); i += 2) {
            pairs.add(answers.subList(i, i + 2).stream().sorted().toList());
        }
        return pairs;
    }

    @Test
    void theSameHouseholdNumberTwiceAtOnceGivesOneHouseholdAnd409() throws Exception {
        List<List<String>> answers = racePairs(i -> List.of(household("HN" + county + i, Ids.of("19800101", true)),
                household("HN" + county + i, Ids.of("19800101", false))));
        answers.forEach(a -> assertEquals(List.of("201", "409 HOUSEHOLD_NO_TAKEN"), a));
        assertEquals(List.of(String.valueOf(PAIRS)), Sql.column("SELECT COUNT(*) FROM " + Sql.database(county)
                + ".household WHERE household_no LIKE 'HN" + county + "%'"));
    }

    @Test
    void theSamePersonTwiceAtOnceIsRegisteredOnce() throws Exception {
        List<List<String>> answers = racePairs(i -> {
            String person = Ids.of("19850202", true);
            return List.of(household("PA" + county + i, person), household("PB" + county + i, person));
        });
        answers.forEach(a -> assertEquals(List.of("201", "409 PERSON_ALREADY_REGISTERED"), a));
        // The loser left nothing behind: one household per pair, each with its one member.
        String db = Sql.database(county);
        assertEquals(List.of(String.valueOf(PAIRS)), Sql.column("SELECT COUNT(*) FROM " + db + ".household WHERE household_no LIKE 'PA"
                + county + "%' OR household_no LIKE 'PB" + county + "%'"));
        assertEquals(List.of(String.valueOf(PAIRS)), Sql.column("SELECT COUNT(*) FROM " + db + ".member m JOIN " + db
                + ".household h ON h.id = m.household_id WHERE h.household_no LIKE 'PA" + county + "%' OR h.household_no LIKE 'PB" + county + "%'"));
    }
}
