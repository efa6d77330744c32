package cn.fpjc.programme.examplegarden;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A plot in the example programme; its table exists only in counties whose province enables the programme. */
@Entity
@Table(name = "prg_example_garden_plot")
public class GardenPlot extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "village_code", nullable = false, length = 12)
    public String villageCode;

    @Column(name = "area_mu", nullable = false, precision = 8, scale = 2)
    public BigDecimal areaMu;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The province's extra fields for this form (FormExtensions), as JSON. */
    @Column(name = "extra_json", columnDefinition = "TEXT")
    public String extraJson;
}
