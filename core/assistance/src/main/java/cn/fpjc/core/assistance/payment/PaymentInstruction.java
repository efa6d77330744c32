package cn.fpjc.core.assistance.payment;

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

/**
 * One payment to one beneficiary for one programme and period, to the household's 一卡通 account as it was when the
 * instruction was made (holder, bank, encrypted and masked number, the account's version).
 */
@Entity
@Table(name = "payment_instruction")
public class PaymentInstruction extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Batch number + "-" + 4-digit line: the number the bank's return file names. */
    @Column(name = "instruction_no", nullable = false, length = 24)
    public String instructionNo;

    @Column(name = "batch_id", nullable = false)
    public Long batchId;

    @Column(name = "programme_id", nullable = false, length = 64)
    public String programmeId;

    @Column(nullable = false, length = 7)
    public String period;

    @Column(name = "member_id", nullable = false)
    public Long memberId;

    @Column(name = "beneficiary_name", nullable = false, length = 64)
    public String beneficiaryName;

    @Column(name = "household_id", nullable = false)
    public Long householdId;

    @Column(name = "village_code", nullable = false, length = 12)
    public String villageCode;

    /** Yuan to the fen, > 0; never rounded (more than two decimals is refused). */
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(length = 500)
    public String note;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "account_version", nullable = false)
    public long accountVersion;

    @Column(name = "holder_name", nullable = false, length = 64)
    public String holderName;

    @Column(name = "bank_name", nullable = false, length = 64)
    public String bankName;

    @Column(name = "account_cipher", nullable = false)
    public byte[] accountCipher;

    @Column(name = "account_masked", nullable = false, length = 40)
    public String accountMasked;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public InstructionStatus status;

    @Column(name = "failure_reason", length = 500)
    public String failureReason;

    @Column(name = "bank_reference", length = 64)
    public String bankReference;

    @Column(name = "settled_at")
    public Instant settledAt;

    @Column(name = "reissue_of_id")
    public Long reissueOfId;

    @Column(name = "reissued_as_id")
    public Long reissuedAsId;

    @Column(name = "idempotency_key", length = 64)
    public String idempotencyKey;

    @Column(name = "request_digest", length = 64)
    public String requestDigest;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
