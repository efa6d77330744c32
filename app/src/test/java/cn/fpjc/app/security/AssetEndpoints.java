package cn.fpjc.app.security;

import cn.fpjc.app.security.TenantEndpointAccessTest.Endpoint;
import java.util.List;
import java.util.Map;

/**
 * 项目资产's rows of the access matrix. {@code write = true}: every lower org level must get 403 (the county admin manages,
 * the county approver decides disposals). Maintenance logs say {@code false}: township reviewers and village clerks log
 * their own level in scope (ProjectAssetTest).
 */
final class AssetEndpoints {
    private AssetEndpoints() {
    }

    static final String A = "/api/counties/410225/funds/assets";

    static final List<Endpoint> ASSETS = List.of(
            new Endpoint("GET", A, null, false),
            new Endpoint("POST", A, Map.of("projectId", 1, "name", "越权资产"), true),
            new Endpoint("GET", A + "/overdue-checks", null, false),
            new Endpoint("GET", A + "/ledger.xlsx", null, false),
            new Endpoint("GET", A + "/1", null, false),
            new Endpoint("POST", A + "/1/confirmation", Map.of("confirmedOn", "2024-01-01", "confirmationDoc", "越权", "version", 0), true),
            new Endpoint("POST", A + "/1/checks", Map.of("level", "VILLAGE", "checkedOn", "2024-01-01"), false),
            new Endpoint("POST", A + "/1/incomes", Map.of("amount", 1, "lines", List.of()), true),
            new Endpoint("POST", A + "/1/idle", Map.of("reason", "越权", "version", 0), true),
            new Endpoint("POST", A + "/1/idle-review", Map.of("measure", "越权", "version", 0), true),
            new Endpoint("PUT", A + "/1/classification", Map.of("assetClass", "ADJUST", "version", 0), true),
            new Endpoint("POST", A + "/1/disposal", Map.of("valuation", 1, "valuer", "越权", "version", 0), true),
            new Endpoint("POST", A + "/1/disposal/decision", Map.of("approve", true, "opinion", "越权", "version", 0), true));
}
