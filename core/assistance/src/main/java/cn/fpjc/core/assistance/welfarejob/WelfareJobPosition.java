package cn.fpjc.core.assistance.welfarejob;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** A 乡村公益性岗位 of a village, its monthly wage and the local minimum wage it is held against (with its document). */
@Entity
@Table(name = "welfare_job_position")
public class WelfareJobPosition extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "village_code", nullable = false, length = 12)
    public String villageCode;

    @Column(nullable = false, length = 64)
    public String title;

    @Column(length = 500)
    public String duties;

    @Column(name = "monthly_wage", nullable = false, precision = 10, scale = 2)
    public BigDecimal monthlyWage;

    @Column(name = "local_min_wage", nullable = false, precision = 10, scale = 2)
    public BigDecimal localMinWage;

    @Column(name = "min_wage_source", nullable = false, length = 200)
    public String minWageSource;

    @Column(nullable = false)
    public boolean open = true;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
