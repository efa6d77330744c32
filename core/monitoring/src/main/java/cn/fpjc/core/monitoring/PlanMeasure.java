package cn.fpjc.core.monitoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One measure of a plan: what, for whom (the household or one member), against which risks, from when to when. */
@Entity
@Table(name = "plan_measure")
public class PlanMeasure extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Enumerated(EnumType.STRING)
    @Column(name = "measure_type", nullable = false, length = 32)
    public MeasureType type;

    @Column(name = "member_id")
    public Long memberId;

    @Column(nullable = false, length = 500)
    public String description;

    /** Comma-separated {@link RiskCategory} names the measure addresses. */
    @Column(nullable = false, length = 300)
    public String risks;

    @Column(name = "start_on", nullable = false)
    public LocalDate startOn;

    /** Time-bound measures (loan contract, job agreement, school stage) run to this date, even after elimination. */
    @Column(name = "end_on")
    public LocalDate endOn;
}
