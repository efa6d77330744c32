package cn.fpjc.core.assistance.loan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One period of a loan's schedule ({@link LoanSchedule.Instalment} stored). */
@Entity
@Table(name = "loan_instalment")
public class LoanInstalment extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "loan_id", nullable = false)
    public Long loanId;

    @Column(nullable = false)
    public int seq;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(nullable = false)
    public int months;

    @Column(name = "opening_balance", nullable = false, precision = 12, scale = 2)
    public BigDecimal openingBalance;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal principal;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal interest;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal subsidy;
}
