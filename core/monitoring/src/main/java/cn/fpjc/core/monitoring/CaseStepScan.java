package cn.fpjc.core.monitoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A scanned document kept as a step's evidence (the signed 评议记录, the photographed 公示): JPEG, PNG or PDF, checked by its bytes. */
@Entity
@Table(name = "case_step_scan")
public class CaseStepScan extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public Long caseId;

    @Column(name = "step_id", nullable = false, length = 32)
    public String stepId;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "content_type", nullable = false, length = 40)
    public String contentType;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, columnDefinition = "MEDIUMBLOB")
    public byte[] bytes;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;
}
