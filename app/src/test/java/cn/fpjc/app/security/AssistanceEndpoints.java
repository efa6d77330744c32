package cn.fpjc.app.security;

import cn.fpjc.app.security.TenantEndpointAccessTest.Endpoint;
import java.util.List;
import java.util.Map;

/**
 * The assistance module's rows of the access matrix, one list per feature. {@code write = true} means every lower org
 * level (township reviewer, village clerk, responsible official, department) must get 403; rows where some of them may
 * act in their scope say {@code false} here and are tested by the feature's own test.
 */
final class AssistanceEndpoints {
    private AssistanceEndpoints() {
    }

    static final List<Endpoint> PROGRAMMES = List.of(
            new Endpoint("GET", "/api/counties/410225/assistance-programmes", null, false),
            new Endpoint("GET", "/api/counties/410225/households/1/entitlements", null, false),
            new Endpoint("GET", "/api/counties/410225/assistance-programmes/yulu/unclaimed", null, false),
            new Endpoint("GET", "/api/counties/410225/assistance-programmes/yulu/unclaimed.xlsx", null, false),
            new Endpoint("GET", "/api/counties/410225/programme-applications?programme=yulu", null, false),
            new Endpoint("GET", "/api/counties/410225/programme-applications/1", null, false),
            new Endpoint("GET", "/api/counties/410225/programme-applications/notice?programme=yulu&village=410225100201", null, false),
            // Staff submit and decide (village clerk and township reviewer in their scope: ApplicationFlowTest).
            new Endpoint("POST", "/api/counties/410225/programme-applications", java.util.Map.of("programmeId", "yulu", "memberId", 1), false),
            new Endpoint("POST", "/api/counties/410225/programme-applications/decisions",
                    java.util.Map.of("items", List.of(java.util.Map.of("id", 1, "version", 0)), "action", "CHECK"), false),
            // 乡村公益性岗位: township and county manage (write=false: the reviewer may, WelfareJobTest); the payroll is the county's.
            new Endpoint("GET", "/api/counties/410225/welfare-jobs/positions", null, false),
            new Endpoint("POST", "/api/counties/410225/welfare-jobs/positions", java.util.Map.of("villageCode", "410225100201"), false),
            new Endpoint("GET", "/api/counties/410225/welfare-jobs/placements", null, false),
            new Endpoint("POST", "/api/counties/410225/welfare-jobs/placements", java.util.Map.of("positionId", 1, "memberId", 1), false),
            new Endpoint("POST", "/api/counties/410225/welfare-jobs/placements/1/leave", java.util.Map.of("reason", "x"), false),
            new Endpoint("GET", "/api/counties/410225/welfare-jobs/payroll/2025-01", null, false),
            new Endpoint("POST", "/api/counties/410225/welfare-jobs/payroll/2025-01", null, true),
            new Endpoint("POST", "/api/counties/410225/welfare-jobs/payroll/2025-01/payment-batch", null, true),
            new Endpoint("POST", "/api/counties/410225/programme-applications/payment-batch",
                    java.util.Map.of("programmeId", "yulu", "year", 2025, "period", "2025-H1"), true));

    /**
     * Payments (issue 13): batches, instructions, the bank file and the ledger are the county's payment staff's only
     * (county-admin, county-approver, county-finance); the 一卡通 account is read and written in org scope like the registry
     * (PaymentTest). The return upload is multipart: PaymentTest.theReturnUploadIsGuardedLikeEveryEndpoint.
     */
    static final List<Endpoint> PAYMENTS = List.of(
            new Endpoint("GET", "/api/counties/410225/household-accounts/1", null, false),
            new Endpoint("PUT", "/api/counties/410225/household-accounts/1", Map.of("holderMemberId", 1, "bankName", "越权",
                    "accountNo", "6217000000000000"), true),
            new Endpoint("GET", "/api/counties/410225/payment-batches", null, true),
            new Endpoint("POST", "/api/counties/410225/payment-batches", Map.of("programmeId", "test-programme", "period", "2025",
                    "lines", List.of()), true),
            new Endpoint("GET", "/api/counties/410225/payment-batches/1", null, true),
            new Endpoint("POST", "/api/counties/410225/payment-batches/1/instructions", Map.of("memberId", 1, "amount", 1), true),
            new Endpoint("POST", "/api/counties/410225/payment-batches/1/approval", Map.of("version", 0), true),
            new Endpoint("POST", "/api/counties/410225/payment-batches/1/release", Map.of("version", 0), true),
            new Endpoint("GET", "/api/counties/410225/payment-batches/1/bank-file.xlsx", null, true),
            new Endpoint("GET", "/api/counties/410225/payment-instructions/1", null, true),
            new Endpoint("POST", "/api/counties/410225/payment-instructions/1/cancel", Map.of("reason", "越权撤销", "version", 0), true),
            new Endpoint("POST", "/api/counties/410225/payment-instructions/1/reissue", Map.of("version", 0), true),
            new Endpoint("GET", "/api/counties/410225/payment-ledger", null, true),
            new Endpoint("GET", "/api/counties/410225/payment-ledger.xlsx", null, true));

    /**
     * 脱贫人口小额信贷 (MicroLoanTest): applications and supervision are also for village and township staff in their scope
     * (write = false here); decisions are the county approver's, disbursement, repayments, renewal and the delinquency run
     * county staff's. The bank ledger upload is guarded like every upload (MicroLoanTest).
     */
    static final List<Endpoint> LOANS = List.of(
            new Endpoint("GET", "/api/counties/410225/loan-products/micro", null, false),
            new Endpoint("POST", "/api/counties/410225/loans/check", Map.of("memberId", 1, "amount", 10000, "termMonths", 12,
                    "annualRate", 3.45, "repaymentMethod", "按季付息、到期还本", "purpose", "越权申请"), false),
            new Endpoint("POST", "/api/counties/410225/loans", Map.of("memberId", 1, "amount", 10000, "termMonths", 12,
                    "annualRate", 3.45, "repaymentMethod", "按季付息、到期还本", "purpose", "越权申请"), false),
            new Endpoint("GET", "/api/counties/410225/loans", null, false),
            new Endpoint("GET", "/api/counties/410225/loans/1", null, false),
            new Endpoint("POST", "/api/counties/410225/loans/1/decision", Map.of("approve", true, "version", 0), true),
            new Endpoint("POST", "/api/counties/410225/loans/1/disbursement", Map.of("contractNo", "越权", "bank", "越权",
                    "disbursedOn", "2024-01-01", "version", 0), true),
            new Endpoint("POST", "/api/counties/410225/loans/1/repayments", Map.of("paidOn", "2024-01-01", "interest", 1), true),
            new Endpoint("POST", "/api/counties/410225/loans/1/renewal", Map.of("kind", "续贷", "months", 12, "note", "越权续贷",
                    "version", 0), true),
            new Endpoint("POST", "/api/counties/410225/loans/1/supervisions", Map.of("supervisedOn", "2024-01-01", "supervisor", "越权",
                    "fundsAsAgreed", true, "findings", "越权记录"), false),
            new Endpoint("GET", "/api/counties/410225/loan-delinquency", null, false),
            new Endpoint("POST", "/api/counties/410225/loan-delinquency/runs", null, true),
            new Endpoint("GET", "/api/counties/410225/loan-reminders", null, false),
            new Endpoint("GET", "/api/counties/410225/loan-supervision-due", null, false));
}
