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
import java.time.LocalDate;

/** One of a project's 三公示一公告, for the version it shows: where, from when to when, and the objections raised. */
@Entity
@Table(name = "fund_project_notice")
public class ProjectNotice extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public NoticeKind kind;

    @Column(nullable = false)
    public int revision;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "period_rule", nullable = false, length = 300)
    public String periodRule;

    @Column(nullable = false, length = 200)
    public String place;

    @Column(length = 1000)
    public String objections;

    @Column(name = "published_by", nullable = false, length = 64)
    public String publishedBy;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
