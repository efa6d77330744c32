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
import java.time.Instant;
import java.time.LocalDate;

/** One maintenance or inspection (管护 / 检查 / 督导) of an asset; never edited. */
@Entity
@Table(name = "fund_asset_check")
public class AssetCheck extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "asset_id", nullable = false)
    public long assetId;

    @Enumerated(EnumType.STRING)
    @Column(name = "check_level", nullable = false, length = 12)
    public CheckLevel level;

    @Column(name = "checked_on", nullable = false)
    public LocalDate checkedOn;

    @Column(nullable = false, length = 64)
    public String inspector;

    @Column(nullable = false, length = 1000)
    public String findings;

    @Enumerated(EnumType.STRING)
    @Column(name = "asset_condition", nullable = false, length = 16)
    public AssetCondition condition;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
