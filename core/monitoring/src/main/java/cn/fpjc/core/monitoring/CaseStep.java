package cn.fpjc.core.monitoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A step of a case, as the procedure defined it when the case opened: who does it, what evidence it needs, and its
 * clocks once they have started — a due date (complete by) and an earliest date (e.g. a notice must stay up 5 days).
 */
@Entity
@Table(name = "case_step")
public class CaseStep extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public Long caseId;

    @Column(name = "step_id", nullable = false, length = 32)
    public String stepId;

    @Column(nullable = false)
    public int seq;

    @Column(nullable = false, length = 64)
    public String label;

    @Column(nullable = false, length = 32)
    public String role;

    /** The evidence items, one per line. */
    @Column(name = "evidence_required", nullable = false, length = 1000)
    public String evidenceRequired;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "due_rule", length = 500)
    public String dueRule;

    @Column(name = "earliest_on")
    public LocalDate earliestOn;

    @Column(name = "earliest_rule", length = 500)
    public String earliestRule;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "completed_by", length = 64)
    public String completedBy;

    /** Evidence given, as JSON {item: text}. */
    @Column(name = "evidence_json", length = 4000)
    public String evidenceJson;

    @Column(length = 1000)
    public String note;

    /** The 公示 of a step that asks for its dates (NoticeService.NOTICE_EVIDENCE), set when it goes up. */
    @Column(name = "notice_from")
    public LocalDate noticeFrom;

    @Column(name = "notice_to")
    public LocalDate noticeTo;
}
