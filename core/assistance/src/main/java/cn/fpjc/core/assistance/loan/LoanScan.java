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

/** One delinquency scan of the county: balances, the overdue rate against its limit, and how many loans fall in each range. */
@Entity
@Table(name = "loan_scan")
public class LoanScan extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "trigger_kind", nullable = false, length = 16)
    public String triggerKind;

    @Column(name = "scanned_on", nullable = false)
    public LocalDate scannedOn;

    @Column(nullable = false)
    public int loans;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal outstanding;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal overdue;

    @Column(name = "overdue_rate", precision = 7, scale = 2)
    public BigDecimal overdueRate;

    @Column(name = "rate_limit", precision = 5, scale = 2)
    public BigDecimal rateLimit;

    @Column(name = "rate_limit_source", length = 1000)
    public String rateLimitSource;

    @Column(nullable = false)
    public boolean exceeded;

    @Column(name = "days_1_30", nullable = false)
    public int days1to30;

    @Column(name = "days_31_90", nullable = false)
    public int days31to90;

    @Column(name = "days_91_180", nullable = false)
    public int days91to180;

    @Column(name = "over_180", nullable = false)
    public int over180;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
