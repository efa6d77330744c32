package cn.fpjc.core.registry;

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
import java.util.Optional;

/**
 * A person in the registry: one row per person (the ID hash is unique), which moves between households;
 * moves are kept in household_event. The ID number itself exists here only encrypted and masked.
 */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "household_id", nullable = false)
    public Long householdId;

    @Column(nullable = false, length = 64)
    public String name;

    @Column(name = "id_cipher", nullable = false)
    public byte[] idCipher;

    @Column(name = "id_hash", nullable = false, unique = true)
    public byte[] idHash;

    @Column(name = "id_masked", nullable = false, length = 18)
    public String idMasked;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    /** M or F, derived from the ID number. */
    @Column(nullable = false, length = 1)
    public String sex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Relation relation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public LabourCapacity labour;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public HealthStatus health;

    @Column(name = "disability_grade")
    public Integer disabilityGrade;

    @Column(name = "disability_type", length = 32)
    public String disabilityType;

    @Column(length = 64)
    public String illness;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public SchoolingStage schooling;

    @Enumerated(EnumType.STRING)
    @Column(name = "employment_place", nullable = false, length = 24)
    public EmploymentPlace employmentPlace;

    @Column(name = "employment_months")
    public Integer employmentMonths;

    @Column(name = "medical_insured", nullable = false)
    public boolean medicalInsured;

    @Column(name = "pension_insured", nullable = false)
    public boolean pensionInsured;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "removed_reason")
    public String removedReason;

    @Column(name = "extra_json", columnDefinition = "TEXT")
    public String extraJson;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Member> findByHash(byte[] hash) {
        return find("idHash", hash).firstResultOptional();
    }
}
