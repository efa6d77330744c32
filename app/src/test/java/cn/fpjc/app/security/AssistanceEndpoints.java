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

    static final List<Endpoint> PROGRAMMES = List.of();

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

    static final List<Endpoint> LOANS = List.of();
}
