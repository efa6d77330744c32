package cn.fpjc.app.security;

import cn.fpjc.app.security.TenantEndpointAccessTest.Endpoint;
import java.util.List;
import java.util.Map;

/**
 * The funds module's rows of the access matrix. {@code write = true}: every lower org level (township reviewer, village
 * clerk, responsible official, department) gets 403. Steps that village, township or department staff take in their
 * scope (申报, 公示, 乡审核, 部门论证, 尽职调查, 变更申请) say {@code false} and are tested in ProjectLibraryTest.
 */
final class FundsEndpoints {
    private FundsEndpoints() {
    }

    static final String F = "/api/counties/410225/funds";

    static final List<Endpoint> LIBRARY = List.of(
            new Endpoint("GET", F + "/allocations", null, false),
            new Endpoint("GET", F + "/allocations/1", null, false),
            new Endpoint("POST", F + "/allocations", Map.of("year", 2025, "docNumber", "越权", "title", "越权", "source", "CENTRAL", "amount", 1,
                    "receivedOn", "2025-01-02"), true),
            new Endpoint("GET", F + "/projects", null, false),
            new Endpoint("GET", F + "/projects/1", null, false),
            new Endpoint("GET", F + "/projects.xlsx?year=2025", null, false),
            new Endpoint("POST", F + "/projects", Map.of("year", 2025, "name", "越权"), false),
            new Endpoint("POST", F + "/projects/1/notices", Map.of("kind", "VILLAGE_NOTICE"), false),
            new Endpoint("POST", F + "/projects/1/township-review", Map.of("approve", true, "version", 0), false),
            new Endpoint("POST", F + "/projects/1/assessment", Map.of("approve", true, "version", 0), false),
            new Endpoint("POST", F + "/projects/1/county-decision", Map.of("approve", true, "version", 0), true),
            new Endpoint("POST", F + "/projects/1/due-diligence", Map.of("version", 0), false),
            new Endpoint("POST", F + "/projects/1/approval", Map.of("approvalDoc", "越权", "version", 0), true),
            new Endpoint("POST", F + "/projects/1/completion", Map.of("date", "2025-01-02", "version", 0), true),
            new Endpoint("POST", F + "/projects/1/audit", Map.of("date", "2025-01-02", "version", 0), true),
            new Endpoint("POST", F + "/projects/1/changes", Map.of("reason", "越权"), false),
            new Endpoint("POST", F + "/projects/1/changes/1/decision", Map.of("approve", true), true),
            new Endpoint("POST", F + "/projects/decisions", Map.of("step", "COUNTY_DECISION", "items", List.of(Map.of("id", 1, "version", 0)),
                    "approve", true), false),
            new Endpoint("GET", F + "/library/2025", null, false),
            new Endpoint("POST", F + "/library/2025/plan", Map.of("completedOn", "2024-11-01"), true));
}
