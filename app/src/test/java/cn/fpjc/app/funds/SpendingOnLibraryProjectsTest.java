package cn.fpjc.app.funds;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Spending on projects walked through the project library by its own API (FundsFixture): refused while the project is
 * only 已入库, paid once 立项批复 names the indicator document, and the dashboard's progress and caps read the same year.
 */
@QuarkusTest
class SpendingOnLibraryProjectsTest {
    @Test
    void paidOnlyOnceApprovedAndCountedInTheYearsProgress() {
        FundsFixture.County c = FundsFixture.county("heilongjiang", "23");
        try {
            LocalDate start = LocalDate.of(2024, 3, 1);
            FundsFixture.setToday(c, start);
            long central = FundsFixture.allocation(c, 2024, "CENTRAL", "1000000.00", LocalDate.of(2024, 2, 20));
            long listed = FundsFixture.declare(c, FundsFixture.project(c, 2024, "村级光伏电站", "INDUSTRY", "OPERATING", Map.of("CENTRAL", "400000.00")));
            FundsFixture.list(c, listed, start);
            JsonPath before = as(c.finance()).get(c.base() + "/projects/" + listed + "/payments").then().statusCode(200).extract().jsonPath();
            long line = before.getLong("lines[0].fundingId");
            as(c.finance()).body(SpendingProgressTest.payment(line, "1000.00", "2024-03-16", "记-L1")).post(c.base() + "/projects/" + listed + "/payments")
                    .then().statusCode(409).body("code", equalTo("SPENDING_PROJECT_NOT_APPROVED"));

            FundsFixture.approve(c, listed, Map.of("CENTRAL", central), start.plusDays(15));
            FundsFixture.setToday(c, LocalDate.of(2024, 5, 20));
            as(c.finance()).body(SpendingProgressTest.payment(line, "300000.00", "2024-04-25", "记-L2")).post(c.base() + "/projects/" + listed + "/payments")
                    .then().statusCode(201).body("fundYear", equalTo(2024));
            // 300,000 ÷ 1,000,000 = 30.00 % on 4-30: Heilongjiang's end-April 30 % is met; the industry share reads 40 % of central funds.
            JsonPath p = SpendingProgressTest.progress(c.admin(), c.code(), 2024, "2024-05-20");
            org.junit.jupiter.api.Assertions.assertEquals(Boolean.TRUE, SpendingProgressTest.checkpoint(p, "funds.progress.end-apr").get("met"));
            // The roll-up's metrics on the same day agree with the progress page: 30.00 % spent, 40.00 % of central funds to industry.
            as(c.admin()).get("/api/counties/" + c.code() + "/metrics").then().statusCode(200)
                    .body("metrics.find { it.key == 'funds.spending-progress' }.headline.text", equalTo("30.00%"))
                    .body("metrics.find { it.key == 'funds.spending-progress' }.months.find { it.code == '2024-04' }.figure.text", equalTo("30.00%"))
                    .body("metrics.find { it.key == 'funds.spending-progress' }.categories.find { it.code == 'CENTRAL' }.figure.text", equalTo("30.00%"))
                    .body("metrics.find { it.key == 'funds.industry-share' }.headline.text", equalTo("40.00%"))
                    .body("metrics.find { it.key == 'funds.checkpoint-progress' }.headline.text", equalTo("30.00%"))
                    .body("metrics.find { it.key == 'funds.checkpoint-progress' }.categories.code", equalTo(List.of("funds.progress.end-apr")));
            // The province's dashboard from a snapshot of the same day: the same figures, and end-April judged on 30 April.
            as("heilongjiang-admin").post("/api/admin/provinces/heilongjiang/metric-snapshots").then().statusCode(202);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "2024-05-20".equals(as("heilongjiang-admin")
                    .get("/api/admin/provinces/heilongjiang/dashboard").then().extract().jsonPath().getString("counties.find { it.code == '" + c.code() + "' }.asOf")));
            JsonPath d = as("heilongjiang-admin").get("/api/admin/provinces/heilongjiang/dashboard").then().statusCode(200).extract().jsonPath();
            String row = "counties.find { it.code == '" + c.code() + "' }";
            org.junit.jupiter.api.Assertions.assertEquals("30.00%", d.getString(row + ".figures['funds.spending-progress'].text"));
            org.junit.jupiter.api.Assertions.assertEquals("40.00%", d.getString(row + ".figures['funds.industry-share'].text"));
            org.junit.jupiter.api.Assertions.assertEquals("4月末", d.getString(row + ".funds.checkpoint"));
            org.junit.jupiter.api.Assertions.assertEquals("达到", d.getString(row + ".funds.result"));
            as(c.admin()).get(c.base() + "/progress?year=2024&date=2024-05-20").then().body("caps.rule", hasItem("中央衔接资金用于产业发展的比例"))
                    .body("caps.find { it.rule == '中央衔接资金用于产业发展的比例' }.percent", equalTo(40.00f));
            as(c.dept()).get(c.base() + "/projects/" + listed + "/payments").then().statusCode(200).body("payments.voucherNo", equalTo(List.of("记-L2")));
        } finally {
            FundsFixture.resetClock(c);
        }
    }
}
