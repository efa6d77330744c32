package cn.fpjc.app.funds;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Parallel;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 资金支出 on a project's funding lines ({@code /api/counties/{county}/funds/projects/{id}/payments}): only on approved
 * projects, never more than a line's amount (two payments racing for the rest of a line: one refused), a voucher number
 * once per project, the scanned voucher served back as stored, corrections by reversal, and who may do what.
 */
@QuarkusTest
class SpendingTest {
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

    String county;
    String finance;
    String admin;
    String approver;
    String ownReviewer;
    String otherReviewer;
    String clerk;
    String township;
    long allocation;
    long project;
    long line;

    @BeforeEach
    void county() {
        county = Api.onboard("heilongjiang", "23");
        admin = Api.createUser("t_sp_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] t1 = Api.addTownshipAndVillage(admin, county, "101");
        String[] t2 = Api.addTownshipAndVillage(admin, county, "102");
        township = t1[0];
        finance = Api.createUser("t_sp_fin_" + county, Roles.COUNTY_FINANCE, county, county);
        approver = Api.createUser("t_sp_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        ownReviewer = Api.createUser("t_sp_rev1_" + county, Roles.TOWNSHIP_REVIEWER, county, t1[0]);
        otherReviewer = Api.createUser("t_sp_rev2_" + county, Roles.TOWNSHIP_REVIEWER, county, t2[0]);
        clerk = Api.createUser("t_sp_clerk_" + county, Roles.VILLAGE_CLERK, county, t1[1]);
        as("admin").body(Map.of("today", "2024-08-01", "county", county)).put("/api/admin/clock").then().statusCode(200);
        allocation = SpendingSeed.allocation(county, 2024, "CENTRAL", "500000.00", "2024-03-01");
        project = SpendingSeed.project(county, 2024, "APPROVED", township, "2024-03-15");
        line = SpendingSeed.funding(county, project, "CENTRAL", "300000.00", allocation);
    }

    @AfterEach
    void resetClock() {
        as("admin").delete("/api/admin/clock?county=" + county).then().statusCode(200);
    }

    String payments(long p) {
        return "/api/counties/" + county + "/funds/projects/" + p + "/payments";
    }

    @Test
    void paymentsWithVoucherAndWhatRemains() {
        var body = new java.util.HashMap<>(SpendingProgressTest.payment(line, "120000.50", "2024-05-10", "记-2024-0510"));
        body.put("voucherName", "凭证.png");
        body.put("voucherBase64", Base64.getEncoder().encodeToString(PNG));
        long id = as(finance).body(body).post(payments(project)).then().statusCode(201)
                .body("amount", equalTo(120000.50f)).body("docNumber", org.hamcrest.Matchers.startsWith("测财农")).body("fundYear", equalTo(2024))
                .body("voucherType", equalTo("image/png")).extract().jsonPath().getLong("id");
        byte[] back = as(approver).get("/api/counties/" + county + "/funds/payments/" + id + "/voucher").then().statusCode(200)
                .header("Content-Type", "image/png").extract().asByteArray();
        assertArrayEquals(PNG, back);
        as(ownReviewer).get(payments(project)).then().statusCode(200).body("lines[0].paid", equalTo(120000.50f))
                .body("lines[0].remaining", equalTo(179999.50f)).body("payments.voucherNo", hasItem("记-2024-0510"));

        // The same voucher number again in this project: refused by the unique key.
        as(finance).body(SpendingProgressTest.payment(line, "10.00", "2024-05-11", "记-2024-0510")).post(payments(project)).then().statusCode(409)
                .body("code", equalTo("SPENDING_VOUCHER_EXISTS"));
        // A file that is not JPEG, PNG or PDF.
        var bad = new java.util.HashMap<>(SpendingProgressTest.payment(line, "10.00", "2024-05-11", "记-2024-0511"));
        bad.put("voucherBase64", Base64.getEncoder().encodeToString("not a scan".getBytes()));
        as(finance).body(bad).post(payments(project)).then().statusCode(400).body("fields.field", hasItem("voucherBase64"));
        // Before 立项批复 or after today: refused.
        as(finance).body(SpendingProgressTest.payment(line, "10.00", "2024-03-01", "记-early")).post(payments(project)).then().statusCode(422)
                .body("code", equalTo("SPENDING_DATE_INVALID"));
        as(finance).body(SpendingProgressTest.payment(line, "10.00", "2024-08-02", "记-late")).post(payments(project)).then().statusCode(422)
                .body("code", equalTo("SPENDING_DATE_INVALID"));
    }

    @Test
    void overpaymentRefusedAndNotOnUnapprovedProjects() {
        SpendingProgressTest.pay(finance, county, project, line, "250000.00", "2024-06-01", "V1");
        as(finance).body(SpendingProgressTest.payment(line, "50000.01", "2024-06-02", "V2")).post(payments(project)).then().statusCode(422)
                .body("code", equalTo("SPENDING_EXCEEDS_FUNDING")).body("message", org.hamcrest.Matchers.containsString("尚可支付 50000.00 元"));
        SpendingProgressTest.pay(admin, county, project, line, "50000.00", "2024-06-02", "V2");

        long listed = SpendingSeed.project(county, 2024, "LISTED", township, null);
        long listedLine = SpendingSeed.funding(county, listed, "CENTRAL", "100000.00", allocation);
        as(finance).body(SpendingProgressTest.payment(listedLine, "1.00", "2024-06-02", "V3")).post(payments(listed)).then().statusCode(409)
                .body("code", equalTo("SPENDING_PROJECT_NOT_APPROVED"));
        // Another project's line cannot be paid through this project.
        as(finance).body(SpendingProgressTest.payment(listedLine, "1.00", "2024-06-02", "V4")).post(payments(project)).then().statusCode(400);
    }

    @Test
    void twoPaymentsRacingForTheRestOfALineOneIsRefused() throws Exception {
        SpendingProgressTest.pay(finance, county, project, line, "200000.00", "2024-06-01", "R0");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String voucher = "R" + i;
            calls.add(() -> as(finance).body(SpendingProgressTest.payment(line, "60000.00", "2024-06-05", voucher)).post(payments(project))
                    .then().extract().statusCode());
        }
        List<Integer> codes = Parallel.atOnce(calls);
        assertEquals(List.of(201, 422), codes.stream().sorted().toList());
        as(approver).get(payments(project)).then().body("lines[0].paid", equalTo(260000.00f));
    }

    @Test
    void reversalIsARecordAndOnlyOnce() {
        long id = SpendingProgressTest.pay(finance, county, project, line, "300000.00", "2024-06-01", "P1");
        as(finance).body(Map.of("paidOn", "2024-06-10", "voucherNo", "红-P1", "note", "收款单位账户有误，退回")).post("/api/counties/" + county
                + "/funds/payments/" + id + "/reversal").then().statusCode(201).body("amount", equalTo(-300000.00f)).body("reversesId", equalTo((int) id));
        as(finance).body(Map.of("paidOn", "2024-06-11", "voucherNo", "红-P1b", "note", "重复")).post("/api/counties/" + county
                + "/funds/payments/" + id + "/reversal").then().statusCode(409).body("code", equalTo("SPENDING_ALREADY_REVERSED"));
        // Nothing deleted: both records listed, and the line is free again.
        as(approver).get(payments(project)).then().body("payments.size()", equalTo(2)).body("payments[0].reversedById", org.hamcrest.Matchers.notNullValue())
                .body("lines[0].remaining", equalTo(300000.00f));
        SpendingProgressTest.pay(finance, county, project, line, "300000.00", "2024-06-12", "P2");
    }

    @Test
    void whoMayDoWhat() {
        as(ownReviewer).body(SpendingProgressTest.payment(line, "1.00", "2024-06-02", "W1")).post(payments(project)).then().statusCode(403);
        as(approver).body(SpendingProgressTest.payment(line, "1.00", "2024-06-02", "W1")).post(payments(project)).then().statusCode(403);
        as(otherReviewer).get(payments(project)).then().statusCode(404);
        as(clerk).get(payments(project)).then().statusCode(403);
        as(ownReviewer).get("/api/counties/" + county + "/funds/progress?year=2024").then().statusCode(403);
        as(approver).get("/api/counties/" + county + "/funds/progress?year=2024&date=2024-13-01").then().statusCode(400);
        as(approver).get("/api/counties/" + county + "/funds/spending-ledger.xlsx?year=2024").then().statusCode(200);
        as("yanshou.finance").get(payments(project)).then().statusCode(403);
    }
}
