package cn.fpjc.admin.param;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A parameter value a province admin set for exactly one year (e.g. Hunan's threshold, due by 31 March). */
@Entity
@Table(name = "province_yearly_value")
public class ProvinceYearlyValue extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "province_id", nullable = false, length = 32)
    public String provinceId;

    @Column(name = "param_key", nullable = false, length = 100)
    public String key;

    @Column(name = "effective_year", nullable = false)
    public int year;

    @Column(name = "param_value", nullable = false)
    public String value;

    @Column(nullable = false, length = 500)
    public String source;

    @Column(name = "set_by", nullable = false, length = 64)
    public String setBy;

    @Column(name = "set_at", nullable = false)
    public Instant setAt;

    @Version
    public long version;
}
