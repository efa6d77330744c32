package cn.fpjc.core.funds.allocation;

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

/** A fund indicator document (资金指标文件) as it reached the county: one row per source it carries. */
@Entity
@Table(name = "fund_allocation")
public class FundAllocation extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public int year;

    @Column(name = "doc_number", nullable = false, length = 100)
    public String docNumber;

    @Column(nullable = false, length = 200)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public FundSource source;

    @Column(nullable = false, precision = 16, scale = 2)
    public BigDecimal amount;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Column(length = 500)
    public String note;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
