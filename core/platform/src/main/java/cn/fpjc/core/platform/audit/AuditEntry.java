package cn.fpjc.core.platform.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One write through the API, in the tenant's own database. Append-only: the application has no
 * code path that updates or deletes these rows.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 64)
    public String actor;

    @Column(name = "actor_roles", updatable = false, length = 255)
    public String actorRoles;

    @Column(nullable = false, updatable = false, length = 32)
    public String action;

    @Column(name = "entity_type", nullable = false, updatable = false, length = 64)
    public String entityType;

    @Column(name = "entity_id", nullable = false, updatable = false, length = 64)
    public String entityId;

    @Column(name = "before_json", updatable = false, columnDefinition = "TEXT")
    public String beforeJson;

    @Column(name = "after_json", updatable = false, columnDefinition = "TEXT")
    public String afterJson;
}
