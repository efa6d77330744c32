package cn.fpjc.core.funds.asset;

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

/** 资产收益 received (rent, dividends, own operation) and distributed by the lines of {@link AssetDistributionLine}. */
@Entity
@Table(name = "fund_asset_income")
public class AssetIncome extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "asset_id", nullable = false)
    public long assetId;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Column(nullable = false, precision = 16, scale = 2)
    public BigDecimal amount;

    /** 付款方 (lessee, enterprise, the village's own operation). */
    @Column(nullable = false, length = 200)
    public String payer;

    @Column(length = 500)
    public String note;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
