package cn.fpjc.admin.calendar;

import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/**
 * The State Council holiday schedules the working-day calendar uses. Everyone signed in may read them (due dates cite
 * them); only a platform admin loads a year, e.g. the next one when it is published in November or December.
 */
@Path("/api/admin/holiday-schedules")
public class HolidayScheduleResource {
    @Inject
    HolidayScheduleService service;

    @Inject
    CurrentUser user;

    @GET
    @io.quarkus.security.Authenticated
    public List<HolidayScheduleService.ScheduleView> list() {
        return service.list();
    }

    @PUT
    @Path("/{year}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public HolidayScheduleService.ScheduleView set(@PathParam("year") int year, HolidayScheduleService.SetRequest request) {
        return service.set(user.username(), year, request);
    }
}
