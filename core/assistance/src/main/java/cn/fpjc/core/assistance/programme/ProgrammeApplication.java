package cn.fpjc.core.assistance.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One member's application for one programme in one year ({@code uk_programme_application}), with the engine's decision
 * as it was when it was submitted and each step's actor and date.
 */
@Entity
@Table(name = "programme_application")
public class ProgrammeApplication extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "programme_id", nullable = false, length = 64)
    public String programmeId;

    @Column(name = "programme_year", nullable = false)
    public int year;

    @Column(name = "member_id", nullable = false)
    public long memberId;

    @Column(name = "household_id", nullable = false)
    public long householdId;

    @Column(name = "village_code", nullable = false, length = 12)
    public String villageCode;

    @Column(name = "claimed_amount", precision = 12, scale = 2)
    public BigDecimal claimedAmount;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(name = "amount_rule", nullable = false, length = 500)
    public String amountRule;

    @Column(name = "decision_json", nullable = false, columnDefinition = "TEXT")
    public String decisionJson;

    @Column(length = 1000)
    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public ApplicationStatus status;

    @Column(name = "submitted_by", nullable = false, length = 64)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "checked_by", length = 64)
    public String checkedBy;

    @Column(name = "checked_on")
    public LocalDate checkedOn;

    @Column(name = "reviewed_by", length = 64)
    public String reviewedBy;

    @Column(name = "reviewed_on")
    public LocalDate reviewedOn;

    @Column(name = "notice_from")
    public LocalDate noticeFrom;

    @Column(name = "notice_to")
    public LocalDate noticeTo;

    @Column(name = "objection_phone", length = 40)
    public String objectionPhone;

    @Column(length = 1000)
    public String objection;

    @Column(name = "objection_handling", length = 1000)
    public String objectionHandling;

    @Column(name = "decided_by", length = 64)
    public String decidedBy;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "reject_reason", length = 1000)
    public String rejectReason;

    /** What the application states ({@link AssistanceProgramme#declarations()}), as JSON of codes; null when nothing. */
    @Column(name = "declared_json", length = 1000)
    public String declaredJson;

    /** True for a programme a household receives once: the database then keeps one live application per household. */
    @Column(name = "once_per_household", nullable = false)
    public boolean oncePerHousehold;

    /** Set when the township's review was the approval (小额临时救助): the rule that allowed it. */
    @Column(name = "approval_rule", length = 500)
    public String approvalRule;

    @Version
    public long version;
}
