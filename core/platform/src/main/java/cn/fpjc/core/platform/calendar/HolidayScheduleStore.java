package cn.fpjc.core.platform.calendar;

import java.util.List;

/**
 * Holiday schedules loaded at run time (implemented by the control plane): the State Council announces each next
 * year in November or December, and a platform admin loads it without a release. A stored year replaces the
 * bundled one of the same year.
 */
public interface HolidayScheduleStore {
    List<HolidaySchedule> loaded();
}
