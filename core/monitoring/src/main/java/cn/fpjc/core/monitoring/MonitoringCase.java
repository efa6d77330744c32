package cn.fpjc.core.monitoring;

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
import java.time.Instant;
import java.time.LocalDate;

/**
 * One household going through a procedure: 识别纳入, and later 风险消除 or 兜底保障户认定 as child cases of it. Its steps are copied from the county's effective
 * procedure when the case opens ({@link CaseStep}), so a later change of the province's variant does not alter a case
 * under way.
 */
@Entity
@Table(name = "monitoring_case")
public class MonitoringCase extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "household_id", nullable = false)
    public Long householdId;

    @Column(name = "village_code", nullable = false, length = 12)
    public String villageCode;

    @Column(name = "clue_id")
    public Long clueId;

    @Column(name = "procedure_id", nullable = false, length = 32)
    public String procedureId;

    @Enumerated(EnumType.STRING)
    @Column(name = "monitoring_type", nullable = false, length = 24)
    public MonitoringType monitoringType;

    /** Comma-separated {@link RiskCategory} names. */
    @Column(name = "risk_categories", nullable = false, length = 300)
    public String riskCategories;

    /** 绿色通道: measures may start before the procedure completes (disaster, accident). */
    @Column(name = "green_channel", nullable = false)
    public boolean greenChannel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CaseStatus status;

    @Column(name = "current_step", length = 32)
    public String currentStep;

    /** The current step's role and due date, kept here for the inbox (no due date: {@link #NO_DUE}, sorted last). */
    @Column(name = "current_step_role", length = 32) // CURRENT_ROLE is a MariaDB keyword
    public String currentRole;

    @Column(name = "current_due")
    public LocalDate currentDue;

    public static final LocalDate NO_DUE = LocalDate.of(9999, 12, 31);

    /**
     * The current step's label and evidence items (one a line), kept here so the inbox reads no step rows, and the step
     * they were copied from: a replica of the release before (a rolling upgrade) moves a case without copying them, and
     * the inbox then reads that case's step row instead.
     */
    @Column(name = "current_step_label", length = 64)
    public String currentLabel;

    @Column(name = "current_step_evidence", length = 1000)
    public String currentEvidence;

    @Column(name = "current_step_copy_of", length = 32)
    public String currentCopyOf;

    /** The day the clue came in: the 15-day clock runs from here. */
    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    /** The county's approval (识别时间 = 县级审定时间). */
    @Column(name = "approved_on")
    public LocalDate approvedOn;

    @Column(name = "rejection_reason", length = 1000)
    public String rejectionReason;

    /** Elimination and 兜底保障户 cases belong to the household's identification case. */
    @Column(name = "parent_case_id")
    public Long parentCaseId;

    /** On an identification case once the county approved it: where the household's risk stands. */
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_state", length = 16)
    public RiskState riskState;

    @Column(name = "risk_state_on")
    public LocalDate riskStateOn;

    /** 一户一策 due (assistance.plan-days after approval or after a new risk was marked). */
    @Column(name = "plan_due")
    public LocalDate planDue;

    @Column(name = "plan_due_rule", length = 300)
    public String planDueRule;

    /** On an elimination case: the assessment it was opened on, as JSON. */
    @Column(name = "assessment_json", length = 4000)
    public String assessmentJson;

    /** Province form-extension values (FormExtensions, form "case"). */
    @Column(name = "extra_json", columnDefinition = "TEXT")
    public String extraJson;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Version
    public long version;
}
