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
import java.util.Optional;

/**
 * A risk clue (风险线索) from one of the three channels. The person's ID number is kept only encrypted, hashed for
 * matching and masked for display, as in the registry; the household is set when the person is registered.
 */
@Entity
@Table(name = "risk_clue")
public class RiskClue extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Given to the person who reported, to ask how it stands (no personal data is shown for it). */
    @Column(name = "tracking_no", nullable = false, unique = true, length = 24)
    public String trackingNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public ClueChannel channel;

    /** How exactly: 村委会/电话/12317 …, the screening campaign, or the department. */
    @Column(name = "source_detail", length = 100)
    public String sourceDetail;

    /** For cadre screening: routine or a centralized campaign (named in {@link #campaign}). */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "screening_kind", length = 16)
    public ScreeningKind screeningKind;

    @Column(length = 100)
    public String campaign;

    @Column(name = "village_code", nullable = false, length = 12)
    public String villageCode;

    @Column(name = "household_id")
    public Long householdId;

    @Column(name = "person_name", nullable = false, length = 64)
    public String personName;

    @Column(name = "id_cipher", nullable = false)
    public byte[] idCipher;

    @Column(name = "id_hash", nullable = false)
    public byte[] idHash;

    @Column(name = "id_masked", nullable = false, length = 18)
    public String idMasked;

    @Column(length = 20)
    public String phone;

    @Column(nullable = false, length = 1000)
    public String description;

    /** Comma-separated {@link RiskCategory} names. */
    @Column(name = "risk_categories", length = 300)
    public String riskCategories;

    @Column(name = "reported_on", nullable = false)
    public LocalDate reportedOn;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "received_by", nullable = false, length = 64)
    public String receivedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public ClueStatus status;

    /** How the ID number and name compared with the registry on receipt; shown to staff only (null: received before it was kept). */
    @Enumerated(EnumType.STRING)
    @Column(name = "registry_match", length = 24)
    public RegistryMatch registryMatch;

    /** 入户核实 due date (null when the year's holiday schedule was not loaded; the rule says so). */
    @Column(name = "verify_due")
    public LocalDate verifyDue;

    @Column(name = "verify_rule", length = 300)
    public String verifyRule;

    @Column(name = "verification_note", length = 1000)
    public String verificationNote;

    @Column(name = "verified_by", length = 64)
    public String verifiedBy;

    @Column(name = "verified_on")
    public LocalDate verifiedOn;

    @Version
    public long version;

    public static Optional<RiskClue> findByTrackingNo(String trackingNo) {
        return find("trackingNo", trackingNo).firstResultOptional();
    }
}
