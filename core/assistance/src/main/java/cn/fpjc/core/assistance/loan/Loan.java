package cn.fpjc.core.assistance.loan;

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
import java.time.LocalDate;

/** An application and, once approved and disbursed, the loan: its terms, product snapshot, repayments so far and delinquency. */
@Entity
@Table(name = "loan")
public class Loan extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "product_code", nullable = false, length = 32)
    public String productCode;

    @Column(name = "household_id", nullable = false)
    public Long householdId;

    @Column(name = "member_id", nullable = false)
    public Long memberId;

    @Column(name = "village_code", nullable = false, length = 12)
    public String villageCode;

    @Column(name = "borrower_name", nullable = false, length = 64)
    public String borrowerName;

    @Column(name = "borrower_id_masked", nullable = false, length = 18)
    public String borrowerIdMasked;

    @Column(name = "applied_on", nullable = false)
    public LocalDate appliedOn;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(name = "term_months", nullable = false)
    public int termMonths;

    @Column(name = "annual_rate", nullable = false, precision = 7, scale = 4)
    public BigDecimal annualRate;

    @Enumerated(EnumType.STRING)
    @Column(name = "repayment_method", nullable = false, length = 24)
    public RepaymentMethod repaymentMethod;

    @Column(nullable = false, length = 200)
    public String purpose;

    @Column(name = "held_before", nullable = false, precision = 12, scale = 2)
    public BigDecimal heldBefore;

    @Column(name = "subsidy_cap", nullable = false, precision = 12, scale = 2)
    public BigDecimal subsidyCap;

    @Column(name = "subsidy_share", nullable = false, precision = 5, scale = 2)
    public BigDecimal subsidyShare;

    @Column(name = "product_json", nullable = false, columnDefinition = "TEXT")
    public String productJson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public LoanStatus status;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "decided_by", length = 64)
    public String decidedBy;

    @Column(name = "decision_note", length = 500)
    public String decisionNote;

    @Column(name = "contract_no", length = 64)
    public String contractNo;

    @Column(length = 100)
    public String bank;

    @Column(name = "disbursed_on")
    public LocalDate disbursedOn;

    @Column(name = "maturity_on")
    public LocalDate maturityOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "renewal_kind", length = 24)
    public RenewalKind renewalKind;

    @Column(name = "renewed_on")
    public LocalDate renewedOn;

    @Column(name = "renewal_note", length = 500)
    public String renewalNote;

    @Column(nullable = false)
    public int renewals;

    @Column(name = "principal_repaid", nullable = false, precision = 12, scale = 2)
    public BigDecimal principalRepaid = BigDecimal.ZERO.setScale(2);

    @Column(name = "interest_repaid", nullable = false, precision = 12, scale = 2)
    public BigDecimal interestRepaid = BigDecimal.ZERO.setScale(2);

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "overdue_since")
    public LocalDate overdueSince;

    @Column(name = "overdue_days", nullable = false)
    public int overdueDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "overdue_bucket", nullable = false, length = 16)
    public DelinquencyBucket overdueBucket = DelinquencyBucket.CURRENT;

    @Column(name = "delinquency_on")
    public LocalDate delinquencyOn;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public BigDecimal outstanding() {
        return amount.subtract(principalRepaid);
    }
}
