package cn.fpjc.core.funds;

import cn.fpjc.core.platform.security.Roles;

/** Who does what with connecting funds. Readers see what their org unit covers; county-level records are the county's. */
public final class FundsRoles {
    /** Everyone in a county who reads funds and projects (within their org unit). */
    public static final String[] READERS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.COUNTY_FINANCE, Roles.DEPARTMENT,
            Roles.TOWNSHIP_REVIEWER, Roles.VILLAGE_CLERK };
    /** Records fund indicator documents. */
    public static final String[] ALLOCATORS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.COUNTY_FINANCE };

    private FundsRoles() {
    }
}
