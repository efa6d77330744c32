package cn.fpjc.core.monitoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A visit or 回头看 of a monitored household: who, when, what was found, and a photo or scanned record. */
@Entity
@Table(name = "followup_visit")
public class FollowUpVisit extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public Long caseId;

    @Column(name = "household_id", nullable = false)
    public Long householdId;

    @Column(name = "village_code", nullable = false, length = 12)
    public String villageCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public VisitKind kind;

    @Column(nullable = false, length = 64)
    public String visitor;

    @Column(name = "visited_on", nullable = false)
    public LocalDate visitedOn;

    @Column(nullable = false, length = 2000)
    public String findings;

    @Column(name = "attachment_name", length = 200)
    public String attachmentName;

    @Column(name = "attachment_type", length = 64)
    public String attachmentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "attachment", columnDefinition = "MEDIUMBLOB")
    public byte[] attachment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;
}
