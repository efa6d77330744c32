package cn.fpjc.core.monitoring.metrics;

import cn.fpjc.core.platform.metrics.MetricScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** The few lines every monitoring metric's native query needs. */
final class MetricSql {
    private MetricSql() {
    }

    /** Rows of a native query whose ?1 is the villages' LIKE pattern, followed by {@code more} parameters. */
    @SuppressWarnings("unchecked")
    static List<Object[]> rows(EntityManager em, String sql, MetricScope scope, Object... more) {
        Query q = em.createNativeQuery(sql).setParameter(1, scope.villagePattern());
        for (int i = 0; i < more.length; i++) {
            q.setParameter(i + 2, more[i] instanceof LocalDate d ? Date.valueOf(d) : more[i]);
        }
        return q.getResultList();
    }

    static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static LocalDate date(Object o) {
        return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }

    /** Identification cases: the households' first procedure (the others hang under one). */
    static final String IDENTIFICATION = "c.parent_case_id IS NULL";

    /** Sources, as people read them. */
    static final String NATIONAL = "中共黑龙江省委农村工作领导小组办公室《2024年度巩固拓展脱贫攻坚成果业务指南》（黑农办发〔2024〕7号）；"
            + "民勤县委农村工作领导小组《民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》（民农领发〔2024〕9号）";
}
