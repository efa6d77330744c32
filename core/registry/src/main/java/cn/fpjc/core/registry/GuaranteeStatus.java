package cn.fpjc.core.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A household's 三保障 + 饮水安全 status (DOMAIN.md §1); earlier states are in the audit log. */
@Entity
@Table(name = "guarantee_status")
public class GuaranteeStatus extends PanacheEntityBase {
    @Id
    @Column(name = "household_id")
    public Long householdId;

    /** 义务教育有保障: no child of compulsory-school age out of school. */
    @Column(name = "education_ok", nullable = false)
    public boolean educationOk;

    /** 基本医疗有保障: members enrolled in basic medical insurance. */
    @Column(name = "medical_ok", nullable = false)
    public boolean medicalOk;

    @Enumerated(EnumType.STRING)
    @Column(name = "housing_grade", nullable = false, length = 1)
    public HousingGrade housingGrade;

    @Column(name = "housing_checked_on")
    public LocalDate housingCheckedOn;

    @Column(name = "water_quantity_ok", nullable = false)
    public boolean waterQuantityOk;

    @Column(name = "water_quality_ok", nullable = false)
    public boolean waterQualityOk;

    @Column(name = "water_convenience_ok", nullable = false)
    public boolean waterConvenienceOk;

    @Column(name = "water_guarantee_ok", nullable = false)
    public boolean waterGuaranteeOk;

    @Column(name = "water_checked_on")
    public LocalDate waterCheckedOn;

    @Column(name = "assessed_on", nullable = false)
    public LocalDate assessedOn;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Housing safe (A/B) and all four water standards met, education and medical secured. */
    public boolean allSecured() {
        return educationOk && medicalOk && (housingGrade == HousingGrade.A || housingGrade == HousingGrade.B)
                && waterQuantityOk && waterQualityOk && waterConvenienceOk && waterGuaranteeOk;
    }
}
