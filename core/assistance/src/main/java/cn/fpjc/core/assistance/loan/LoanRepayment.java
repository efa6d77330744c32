package cn.fpjc.core.assistance.loan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A repayment: recorded by county staff ({@code MANUAL}) or imported from the bank's ledger ({@code LEDGER}, with its 流水号). */
@Entity
@Table(name = "loan_repayment")
public class LoanRepayment extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "loan_id", nullable = false)
    public Long loanId;

    @Column(name = "paid_on", nullable = false)
    public LocalDate paidOn;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal principal;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal interest;

    @Column(nullable = false, length = 16)
    public String source;

    @Column(name = "ledger_key", length = 100)
    public String ledgerKey;

    @Column(length = 500)
    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;
}
