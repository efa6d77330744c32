package cn.fpjc.core.funds.asset;

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

/** One line of an income's distribution plan: to a registry household (by id) or retained by the village collective. */
@Entity
@Table(name = "fund_asset_distribution")
public class AssetDistributionLine extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "income_id", nullable = false)
    public long incomeId;

    @Column(name = "household_id")
    public Long householdId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public DistributionKind kind;

    @Column(nullable = false, precision = 16, scale = 2)
    public BigDecimal amount;

    /** 依据 (e.g. the post and months worked, the need). */
    @Column(length = 300)
    public String basis;
}
