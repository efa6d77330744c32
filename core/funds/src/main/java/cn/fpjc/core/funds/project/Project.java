package cn.fpjc.core.funds.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/** A project of the county's 项目库 and, once approved, of its implementation: the money comes in {@link ProjectFunding}. */
@Entity
@Table(name = "fund_project")
public class Project extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** 实施年度. */
    @Column(nullable = false)
    public int year;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public ProjectCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ProjectNature nature;

    @Enumerated(EnumType.STRING)
    @Column(name = "fund_usage", nullable = false, length = 32)
    public FundUsage usage;

    /** The township it belongs to; null for a county-level project across townships. */
    @Column(name = "township_code", length = 12)
    public String townshipCode;

    @ElementCollection
    @CollectionTable(name = "fund_project_village", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "village_code", length = 12)
    public Set<String> villages = new TreeSet<>();

    @Column(nullable = false, length = 2000)
    public String content;

    @Column(nullable = false, length = 200)
    public String implementer;

    @Column(name = "enterprise_run", nullable = false)
    public boolean enterpriseRun;

    /** 统筹支持非脱贫村 (000 衔接资金使用管理 一、3): counts toward the pooling caps. */
    @Column(name = "non_poor_villages", nullable = false)
    public boolean nonPoorVillages;

    @Column(name = "due_diligence_on")
    public LocalDate dueDiligenceOn;

    @Column(name = "due_diligence_note", length = 500)
    public String dueDiligenceNote;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public ProjectStatus status;

    @Column(name = "listed_on")
    public LocalDate listedOn;

    @Column(name = "approval_doc", length = 100)
    public String approvalDoc;

    @Column(name = "approved_on")
    public LocalDate approvedOn;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "audited_on")
    public LocalDate auditedOn;

    /** The approved version in force (0 before the county's decision). */
    @Column(nullable = false)
    public int revision;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
