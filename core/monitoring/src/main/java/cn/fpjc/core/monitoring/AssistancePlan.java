package cn.fpjc.core.monitoring;

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
 * 一户一策: the assistance plan of a monitored household (one per identification case), with a named responsible
 * official; its measures are {@link PlanMeasure}s. Locked when the risk is marked eliminated.
 */
@Entity
@Table(name = "assistance_plan")
public class AssistancePlan extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public Long caseId;

    @Column(name = "household_id", nullable = false)
    public Long householdId;

    @Column(name = "village_code", nullable = false, length = 12)
    public String villageCode;

    @Column(name = "responsible_official", nullable = false, length = 64)
    public String responsibleOfficial;

    @Column(name = "responsible_phone", length = 20)
    public String responsiblePhone;

    /** Members with labour capacity are willing to work or run a business (有劳动能力、有发展意愿). */
    @Column(name = "labour_willing", nullable = false)
    public boolean labourWilling;

    @Column(length = 1000)
    public String note;

    /** The warnings the rules gave when it was last saved, one per line. */
    @Column(length = 1000)
    public String flags;

    /** Last saved: the annual re-adjustment counts from here. */
    @Column(name = "adjusted_on", nullable = false)
    public LocalDate adjustedOn;

    @Column(name = "locked_on")
    public LocalDate lockedOn;

    /** Monitoring resumed (回退 or 再标注) since the plan was last saved: it must be adjusted. */
    @Column(name = "adjustment_required", nullable = false)
    public boolean adjustmentRequired;

    /** The newest risk clue of the household when the plan was last saved: later clues are new risks it has not answered. */
    @Column(name = "clues_answered_to")
    public Long cluesAnsweredTo;

    /** Province form-extension values (FormExtensions, form "plan"). */
    @Column(name = "extra_json", columnDefinition = "TEXT")
    public String extraJson;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
