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

/** A 联农带农 mechanism of a project (one of the 五联五带 kinds) and how it works. */
@Entity
@Table(name = "fund_project_linkage")
public class ProjectLinkage extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public LinkageKind kind;

    @Column(nullable = false, length = 1000)
    public String description;
}
