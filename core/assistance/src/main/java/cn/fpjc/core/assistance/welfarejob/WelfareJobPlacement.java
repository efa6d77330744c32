package cn.fpjc.core.assistance.welfarejob;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A member placed on a position under a contract from {@code startsOn} to {@code endsOn}. While ACTIVE, the database's
 * generated columns hold the member and the position under unique keys (一人一岗, 一岗一人); ENDED keeps the history
 * that the placement count and the years in post are counted from.
 */
@Entity
@Table(name = "welfare_job_placement")
public class WelfareJobPlacement extends PanacheEntityBase {
    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "position_id", nullable = false)
    public long positionId;

    @Column(name = "member_id", nullable = false)
    public long memberId;

    @Column(name = "household_id", nullable = false)
    public long householdId;

    @Column(name = "village_code", nullable = false, length = 12)
    public String villageCode;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "accident_insured", nullable = false)
    public boolean accidentInsured;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "leave_reason", length = 500)
    public String leaveReason;

    @Column(name = "placed_by", nullable = false, length = 64)
    public String placedBy;

    @Column(name = "placed_at", nullable = false)
    public Instant placedAt;

    @Version
    public long version;

    /** The last day in post: the day left, else the contract's end. */
    public LocalDate lastDay() {
        return leftOn != null ? leftOn : endsOn;
    }
}
