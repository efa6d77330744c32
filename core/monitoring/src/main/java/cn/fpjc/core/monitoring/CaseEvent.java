package cn.fpjc.core.monitoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The case's timeline: opened, each step completed or returned, rejected — who, when, why. Append-only. */
@Entity
@Table(name = "case_event")
public class CaseEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public Long caseId;

    @Column(name = "step_id", length = 32)
    public String stepId;

    /** OPENED, COMPLETED, RETURNED, REJECTED. */
    @Column(nullable = false, length = 16)
    public String action;

    @Column(nullable = false, length = 64)
    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(length = 1000)
    public String note;
}
