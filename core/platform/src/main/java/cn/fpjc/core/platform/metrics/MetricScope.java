package cn.fpjc.core.platform.metrics;

import cn.fpjc.core.platform.tenancy.TenantInfo;
import java.time.LocalDate;

/**
 * Where and when a metric is computed: one county's database (bound by the caller), the day the figures are as of, and
 * the org unit whose villages count ({@code orgCode}: the county code for the whole county, a township or village code
 * below it). The same definition serves the county's own page (the reader's org unit) and the province's snapshot (the
 * whole county), so the two always agree.
 */
public record MetricScope(TenantInfo tenant, LocalDate asOf, String orgCode) {
    /** The SQL LIKE pattern of the villages in scope (a village code starts with its township's and county's digits). */
    public String villagePattern() {
        return cn.fpjc.core.platform.security.OrgScope.likePrefix(orgCode);
    }

    /** The whole county: county-wide figures (funds) are computed only then. */
    public boolean wholeCounty() {
        return orgCode.equals(tenant.code());
    }

    /** The first day of the window of monthly figures: 1 January of the year before {@link #asOf}'s. */
    public LocalDate monthsFrom() {
        return LocalDate.of(asOf.getYear() - 1, 1, 1);
    }
}
