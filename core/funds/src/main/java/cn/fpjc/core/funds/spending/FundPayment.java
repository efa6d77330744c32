package cn.fpjc.core.funds.spending;

import cn.fpjc.core.funds.allocation.FundSource;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One payment from a project's funding line, or the reversal of one ({@code reversesId} set, amount negative): the
 * ledger is append-only, so a correction is a new record dated when it was made. The allocation and source are copied
 * from the funding line so that progress sums read this table and the allocations only.
 */
@Entity
@Table(name = "fund_payment")
public class FundPayment extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(name = "funding_id", nullable = false)
    public long fundingId;

    @Column(name = "allocation_id", nullable = false)
    public long allocationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public FundSource source;

    @Column(nullable = false, precision = 16, scale = 2)
    public BigDecimal amount;

    @Column(name = "paid_on", nullable = false)
    public LocalDate paidOn;

    @Column(name = "voucher_no", nullable = false, length = 64)
    public String voucherNo;

    @Column(length = 200)
    public String payee;

    @Column(length = 500)
    public String note;

    @Column(name = "reverses_id")
    public Long reversesId;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
