package cn.fpjc.core.funds.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A requested change of a decided project; it takes effect only when the county approves it again. */
@Entity
@Table(name = "fund_project_change")
public class ProjectChange extends PanacheEntityBase {
    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(name = "content_json", nullable = false, columnDefinition = "MEDIUMTEXT")
    public String contentJson;

    @Column(nullable = false, length = 1000)
    public String reason;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "requested_by", nullable = false, length = 64)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by", length = 64)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(length = 1000)
    public String opinion;

    /** The project's id while pending, null once decided: the unique key allows one pending change per project. */
    @Column(name = "pending_project_id")
    public Long pendingProjectId;
}
