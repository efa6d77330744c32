package cn.fpjc.core.funds.asset;

import cn.fpjc.core.funds.project.ProjectNature;
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

/** 项目资产: formed by an audited project (several per project allowed), kept in the 资产台账 until disposed. */
@Entity
@Table(name = "fund_asset")
public class ProjectAsset extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ProjectNature nature;

    /** 权属 (e.g. 村集体经济组织; 到户类: the household). */
    @Column(nullable = false, length = 200)
    public String owner;

    /** 管护主体. */
    @Column(nullable = false, length = 200)
    public String custodian;

    /** 资产价值 (元, to the fen). */
    @Column(nullable = false, precision = 16, scale = 2)
    public BigDecimal value;

    @Column(name = "village_code", nullable = false, length = 12)
    public String villageCode;

    /** The project's 决算审计 date, kept: the confirmation clock runs from it. */
    @Column(name = "audited_on", nullable = false)
    public LocalDate auditedOn;

    /** Entered in the ledger: the maintenance clocks start here until the first check of a level. */
    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "confirmed_on")
    public LocalDate confirmedOn;

    @Column(name = "confirmation_doc", length = 200)
    public String confirmationDoc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public AssetStatus status;

    @Column(name = "idle_reason", length = 500)
    public String idleReason;

    @Column(name = "idle_since")
    public LocalDate idleSince;

    @Enumerated(EnumType.STRING)
    @Column(name = "asset_class", length = 16)
    public AssetClass assetClass;

    @Column(name = "class_plan", length = 4000)
    public String classPlan;

    @Column(name = "valuation", precision = 16, scale = 2)
    public BigDecimal valuation;

    @Column(name = "valuer", length = 200)
    public String valuer;

    @Column(name = "disposal_method", length = 200)
    public String disposalMethod;

    @Column(name = "disposal_requested_by", length = 64)
    public String disposalRequestedBy;

    @Column(name = "disposed_on")
    public LocalDate disposedOn;

    @Column(name = "disposal_approved_by", length = 64)
    public String disposalApprovedBy;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
