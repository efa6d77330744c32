package cn.fpjc.core.assistance.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The household's 惠民惠农“一卡通” account: one per household, held by one of its members; the number only encrypted and masked. */
@Entity
@Table(name = "household_account")
public class HouseholdAccount extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "household_id", nullable = false)
    public Long householdId;

    @Column(name = "holder_member_id", nullable = false)
    public Long holderMemberId;

    @Column(name = "bank_name", nullable = false, length = 64)
    public String bankName;

    @Column(name = "account_cipher", nullable = false)
    public byte[] accountCipher;

    @Column(name = "account_masked", nullable = false, length = 40)
    public String accountMasked;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    public String updatedBy;

    @Version
    public long version;
}
