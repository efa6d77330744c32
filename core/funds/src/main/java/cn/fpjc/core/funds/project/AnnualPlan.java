package cn.fpjc.core.funds.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The county's 年度衔接资金项目实施计划 for a year, marked complete (due by the province's date the year before). */
@Entity
@Table(name = "fund_annual_plan")
public class AnnualPlan extends PanacheEntityBase {
    @Id
    @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public int year;

    @Column(name = "completed_on", nullable = false)
    public LocalDate completedOn;

    @Column(name = "doc_number", length = 100)
    public String docNumber;

    @Column(name = "completed_by", nullable = false, length = 64)
    public String completedBy;

    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;
}
