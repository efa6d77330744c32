package cn.fpjc.core.funds.project;

import cn.fpjc.core.funds.allocation.FundSource;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A project's money from one source; at 立项 each line names the indicator document ({@code allocationId}) that pays it. */
@Entity
@Table(name = "fund_project_funding")
public class ProjectFunding extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public FundSource source;

    @Column(nullable = false, precision = 16, scale = 2)
    public BigDecimal amount;

    @Column(name = "allocation_id")
    public Long allocationId;
}
