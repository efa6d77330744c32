package cn.fpjc.core.funds.project;

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

/** A step taken on a project (申报, 审核, 论证, 审定, 公示, 立项, 变更…), with the opinion given: the project's history. */
@Entity
@Table(name = "fund_project_event")
public class ProjectEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(nullable = false, length = 32)
    public String step;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 24)
    public ProjectStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 24)
    public ProjectStatus toStatus;

    @Column(length = 1000)
    public String opinion;

    @Column(nullable = false, length = 64)
    public String actor;

    @Column(nullable = false)
    public Instant at;
}
