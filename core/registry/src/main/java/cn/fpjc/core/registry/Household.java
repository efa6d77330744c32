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
import java.util.Optional;

/**
 * A rural household (农户) of a village; closed (inactive) once merged into another household. Its table's
 * {@code head_name} (the 户主's name, copied for the inbox) is deliberately not mapped: only
 * {@link RegistryService#keepHeadNames} writes it, so no flush of this entity can overwrite it with a stale value.
 */
@Entity
@Table(name = "household")
public class Household extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "household_no", nullable = false, unique = true, length = 32)
    public String householdNo;

    @Column(name = "village_code", nullable = false, length = 12)
    public String villageCode;

    public String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public HouseholdCategory category;

    /** 易地搬迁户. */
    @Column(nullable = false)
    public boolean relocated;

    /** 整户无劳动能力 (as recorded; the data-quality checks compare it with the members). */
    @Column(name = "no_labour_capacity", nullable = false)
    public boolean noLabourCapacity;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "closed_reason")
    public String closedReason;

    /** Province form-extension values (FormExtensions, form "household"). */
    @Column(name = "extra_json", columnDefinition = "TEXT")
    public String extraJson;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Household> findByNo(String householdNo) {
        return find("householdNo", householdNo).firstResultOptional();
    }
}
