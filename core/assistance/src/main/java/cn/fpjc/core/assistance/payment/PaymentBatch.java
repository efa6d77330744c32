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
import java.time.Instant;

/** A batch of payment instructions of one programme and period, approved by one person and released by another. */
@Entity
@Table(name = "payment_batch")
public class PaymentBatch extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "programme_id", nullable = false, length = 64)
    public String programmeId;

    @Column(name = "programme_name", nullable = false, length = 200)
    public String programmeName;

    @Column(nullable = false, length = 7)
    public String period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public BatchStatus status;

    /** A batch made to re-issue failed payments (补发). */
    @Column(nullable = false)
    public boolean reissue;

    @Column(length = 500)
    public String note;

    /** The last line number handed out (instruction numbers are batch number + line); advanced under the batch's row lock. */
    @Column(name = "line_seq", nullable = false)
    public int lineSeq;

    @Column(name = "idempotency_key", length = 64)
    public String idempotencyKey;

    @Column(name = "request_digest", length = 64)
    public String requestDigest;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by", length = 64)
    public String approvedBy;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "released_by", length = 64)
    public String releasedBy;

    @Column(name = "settled_at")
    public Instant settledAt;

    @Version
    public long version;

    /** ZF + the id, 8 digits: what the bank and people call the batch. */
    public String batchNo() {
        return "ZF" + String.format("%08d", id);
    }
}
