package cn.fpjc.core.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/** A household's income for one year (DOMAIN.md §1): four components, compliant rigid expenses, and the per-capita net. */
@Entity
@Table(name = "income_record")
public class IncomeRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "household_id", nullable = false)
    public Long householdId;

    @Column(name = "income_year", nullable = false)
    public int incomeYear;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal wage;

    @Column(name = "production_net", nullable = false, precision = 14, scale = 2)
    public BigDecimal productionNet;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal property;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal transfer;

    /** 合规自付支出: compliant out-of-pocket rigid expenses, deducted from the total. */
    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal expenses;

    @Column(name = "household_size", nullable = false)
    public int householdSize;

    @Column(name = "per_capita", nullable = false, precision = 14, scale = 2)
    public BigDecimal perCapita;

    @Column(name = "period_from", nullable = false)
    public LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    public LocalDate periodTo;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The earliest date an income period may touch: the registry's data starts long after it (years from 2015). */
    public static final LocalDate EARLIEST_PERIOD_DATE = LocalDate.of(2000, 1, 1);

    /**
     * Why a period date is out of range, or null: from {@link #EARLIEST_PERIOD_DATE} to one year after {@code today}
     * (the county's date), the one rule for the API and the import; {@code label} names the field in the message.
     */
    public static String periodDateProblem(String label, LocalDate date, LocalDate today) {
        LocalDate latest = today.plusYears(1);
        return date == null || !date.isBefore(EARLIEST_PERIOD_DATE) && !date.isAfter(latest) ? null
                : label + "应在" + EARLIEST_PERIOD_DATE + "至" + latest + "之间";
    }

    /**
     * Per-capita net income = (wage + production net + property + transfer − compliant expenses) / household size,
     * rounded HALF_UP to the fen (DOMAIN.md §7). May be negative when expenses exceed income.
     */
    public static BigDecimal perCapita(BigDecimal wage, BigDecimal productionNet, BigDecimal property, BigDecimal transfer,
            BigDecimal expenses, int householdSize) {
        if (householdSize <= 0) {
            throw new IllegalArgumentException("household size must be positive");
        }
        return wage.add(productionNet).add(property).add(transfer).subtract(expenses)
                .divide(BigDecimal.valueOf(householdSize), 2, RoundingMode.HALF_UP);
    }
}
