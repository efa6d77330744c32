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

/** A 绩效目标 of a project: indicator and target value (e.g. 带动脱贫户 50 户). */
@Entity
@Table(name = "fund_project_target")
public class ProjectTarget extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public TargetKind kind;

    @Column(nullable = false, length = 100)
    public String indicator;

    @Column(name = "target_value", nullable = false, length = 100)
    public String targetValue;
}
