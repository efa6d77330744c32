package cn.fpjc.core.assistance.welfarejob;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One placement's wage for one month ({@code uk_payroll_placement_month}: a month is never paid twice). */
@Entity
@Table(name = "welfare_job_payroll")
public class WelfareJobPayroll extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "placement_id", nullable = false)
    public long placementId;

    @Column(name = "pay_month", nullable = false, length = 7)
    public String month;

    @Column(name = "days_in_post", nullable = false)
    public int daysInPost;

    @Column(name = "days_in_month", nullable = false)
    public int daysInMonth;

    @Column(nullable = false, precision = 10, scale = 2)
    public BigDecimal amount;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
