package cn.fpjc.core.funds.asset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The asset's history: every event, in order, append-only (registration to disposal). */
@Entity
@Table(name = "fund_asset_event")
public class AssetEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "asset_id", nullable = false)
    public long assetId;

    /** What happened, in Chinese (登记入账, 确权登记移交, 村级管护, …). */
    @Column(nullable = false, length = 32)
    public String kind;

    @Column(name = "happened_on", nullable = false)
    public LocalDate happenedOn;

    @Column(nullable = false, length = 1000)
    public String detail;

    @Column(nullable = false, length = 64)
    public String actor;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
