package cn.fpjc.admin.operations;

import cn.fpjc.core.platform.jobs.NightlyJobSummary;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import java.time.Instant;
import java.util.List;

/**
 * One county's operational status for the platform's operators (README "Platform operations view").
 *
 * @param server the JDBC host:port of the server holding the county's database (per tenant: placement may differ)
 * @param schemaVersion the registry's "count:last changeSet id" after the last successful migration
 * @param lastMigrationAt when the latest changeset was applied (Liquibase's DATABASECHANGELOG); null if unreadable
 * @param changesets changesets applied in the county's database; null if its DATABASECHANGELOG could not be read
 * @param dataBytes data and indexes of the county's database (information_schema), 0 if it has none
 * @param dataMb the same in MB, one decimal
 * @param rowsEstimate the server's row estimate summed over the tables (InnoDB estimates, not a count)
 * @param databaseProblem why the database figures are missing (no database, changelog unreadable), null when present
 * @param recentJobFailures failed scheduled runs of the county's nightly jobs in the last 7 days
 * @param jobsFailing whether there was any (the page flags the row)
 */
public record TenantOperationsView(String code, String name, String provinceId, String provinceName, TenantStatus status,
        String statusLabel, String server, String databaseName, String schemaVersion, Instant lastMigrationAt, Integer changesets,
        int tables, long dataBytes, double dataMb, long rowsEstimate, String databaseProblem, String lastError,
        List<NightlyJobSummary> nightlyJobs, int recentJobFailures, boolean jobsFailing) {
}
