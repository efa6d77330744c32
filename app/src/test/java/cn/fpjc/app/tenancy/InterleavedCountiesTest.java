package cn.fpjc.app.tenancy;

import static cn.fpjc.app.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two counties on one pool, their requests interleaved by 16 clients at once (issue 17): connections are switched between
 * county databases on every checkout, the exact ID search reads outside a transaction and the list inside one, so each
 * answer is checked to come from the asking county's own database. The same person is registered in both counties
 * under different household numbers: an answer read from the wrong database would name the other county's household.
 */
@QuarkusTest
class InterleavedCountiesTest {

    @Test
    void everyAnswerComesFromTheAskingCountysDatabase() throws Exception {
        String person = Ids.of("19710203", true);
        Map<String, String> households = new HashMap<>();
        Map<String, String> admins = new HashMap<>();
        for (String[] p : new String[][] { { "henan", "41" }, { "gansu", "62" } }) {
            String county = Api.onboard(p[0], p[1]);
            String admin = Api.createUser("t_interleave_" + county, "county-admin", county, county);
            String village = Api.addTownshipAndVillage(admin, county, "101")[1];
            String no = "IL" + county;
            as(admin).body(Map.of("householdNo", no, "villageCode", village, "address", "一组1号", "category", "一般农户", "members",
                    List.of(Map.of("name", "林" + (p[1].equals("41") ? "豫" : "陇"), "idNumber", person, "relation", "户主", "labour",
                            "普通劳动力", "health", "健康", "medicalInsured", true))))
                    .post("/api/counties/" + county + "/households").then().statusCode(201);
            households.put(county, no);
            admins.put(county, Api.token(admin));
        }
        List<String> counties = new ArrayList<>(households.keySet());
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 480; i++) {
                String county = counties.get(i % 2);
                int kind = (i / 2) % 3;
                answers.add(clients.submit(() -> {
                    String base = "/api/counties/" + county;
                    return switch (kind) {
                        case 0 -> county + " " + Api.withToken(admins.get(county)).queryParam("idNumber", person).get(base + "/households")
                                .then().statusCode(200).extract().jsonPath().getString("[0].householdNo");
                        case 1 -> county + " " + Api.withToken(admins.get(county)).queryParam("q", "林").get(base + "/households")
                                .then().statusCode(200).extract().jsonPath().getString("[0].householdNo");
                        default -> {
                            JsonPath check = Api.withToken(admins.get(county)).get(base + "/self-check").then().statusCode(200).extract().jsonPath();
                            yield county + " " + (check.getBoolean("ok") ? households.get(county) : "database " + check.getString("actualDatabase"));
                        }
                    };
                }));
            }
            int checked = 0;
            for (Future<String> answer : answers) {
                String[] got = answer.get().split(" ", 2);
                assertEquals(households.get(got[0]), got[1], "county " + got[0] + " was answered from another database");
                checked++;
            }
            assertEquals(480, checked);
            assertTrue(counties.size() == 2 && !households.get(counties.get(0)).equals(households.get(counties.get(1))));
        } finally {
            clients.shutdownNow();
        }
    }
}
