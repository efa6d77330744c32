package cn.fpjc.admin.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A year's holiday schedule loaded by a platform admin (dates as comma-separated ISO text: a year has about 40). */
@Entity
@Table(name = "holiday_schedule")
public class HolidayScheduleRow extends PanacheEntityBase {
    @Id
    @Column(name = "schedule_year")
    public int year;

    @Column(name = "days_off", nullable = false)
    public String daysOff;

    @Column(name = "working_weekends", nullable = false)
    public String workingWeekends;

    @Column(nullable = false, length = 500)
    public String notice;

    @Column(name = "set_by", nullable = false, length = 64)
    public String setBy;

    @Column(name = "set_at", nullable = false)
    public Instant setAt;

    @Version
    public long version;
}
