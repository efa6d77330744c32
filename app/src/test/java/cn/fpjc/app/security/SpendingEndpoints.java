package cn.fpjc.app.security;

import cn.fpjc.app.security.TenantEndpointAccessTest.Endpoint;
import java.util.List;
import java.util.Map;

/**
 * 资金支出's rows of the access matrix ({@code write = true}: every lower org level gets 403). Payments and reversals are
 * county finance's and the county admin's; reads of one project's payments are open to the township reviewer in scope
 * (SpendingTest), the county-wide progress and ledger to county staff and departments.
 */
final class SpendingEndpoints {
    private SpendingEndpoints() {
    }

    static final List<Endpoint> SPENDING = List.of(
            new Endpoint("POST", "/api/counties/410225/funds/projects/1/payments", Map.of("fundingId", 1, "amount", "1.00", "paidOn", "2024-06-01",
                    "voucherNo", "越权"), true),
            new Endpoint("GET", "/api/counties/410225/funds/projects/1/payments", null, false),
            new Endpoint("POST", "/api/counties/410225/funds/payments/1/reversal", Map.of("voucherNo", "越权", "note", "x"), true),
            new Endpoint("GET", "/api/counties/410225/funds/payments/1/voucher", null, false),
            new Endpoint("GET", "/api/counties/410225/funds/progress?year=2024", null, false),
            new Endpoint("GET", "/api/counties/410225/funds/spending-ledger?year=2024", null, false),
            new Endpoint("GET", "/api/counties/410225/funds/spending-ledger.xlsx?year=2024", null, false));
}
