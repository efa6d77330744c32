package cn.fpjc.core.assistance.loan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A post-loan supervision visit (贷后监管): whether the money is used as agreed (户借、户用、户还), and what was found. */
@Entity
@Table(name = "loan_supervision")
public class LoanSupervision extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "loan_id", nullable = false)
    public Long loanId;

    @Column(name = "supervised_on", nullable = false)
    public LocalDate supervisedOn;

    @Column(nullable = false, length = 64)
    public String supervisor;

    @Column(name = "funds_as_agreed", nullable = false)
    public boolean fundsAsAgreed;

    @Column(nullable = false, length = 2000)
    public String findings;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;
}
