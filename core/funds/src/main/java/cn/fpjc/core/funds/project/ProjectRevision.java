package cn.fpjc.core.funds.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An approved version of a project's content, kept when a later change replaces it (000 衔接资金使用管理 二、2). */
@Entity
@Table(name = "fund_project_revision")
public class ProjectRevision extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(nullable = false)
    public int revision;

    @Column(name = "content_json", nullable = false, columnDefinition = "MEDIUMTEXT")
    public String contentJson;

    @Column(length = 1000)
    public String reason;

    @Column(name = "approved_by", nullable = false, length = 64)
    public String approvedBy;

    @Column(name = "approved_at", nullable = false)
    public Instant approvedAt;
}
