package cn.fpjc.admin.clock;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * Today's date for tests and the demo (README, "The clock"): the platform admin sets it for one county or for all, and
 * resets it. Setting and resetting are refused with CLOCK_NOT_ADJUSTABLE unless {@code fpjc.clock.adjustable=true},
 * which production never sets. Every change is in platform_audit_log.
 */
@Path("/api/admin/clock")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ClockResource {
    @Inject
    ClockSettings service;

    @Inject
    CurrentUser user;

    /** The global date, the machine's date, each county's own date, and whether dates may be set here. */
    @GET
    public AppClock.Settings get() {
        return service.get();
    }

    /** {@code {"today": "2024-10-08"}} for all counties, or with {@code "county": "230129"} for that county only. */
    @PUT
    public AppClock.Settings set(ClockSettings.SetRequest request) {
        return service.set(user.username(), request);
    }

    /** {@code ?county=230129}: that county follows the global date again; without it, everything back to the start date. */
    @DELETE
    public AppClock.Settings reset(@QueryParam("county") String county) {
        return service.reset(user.username(), county);
    }
}
