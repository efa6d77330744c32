package cn.fpjc.admin.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Control-plane writes (onboarding, suspension, users), append-only, in the control database. */
@Entity
@Table(name = "platform_audit_log")
public class PlatformAuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 64)
    public String actor;

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
