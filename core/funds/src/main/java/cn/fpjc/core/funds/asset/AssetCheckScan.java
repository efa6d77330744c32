package cn.fpjc.core.funds.asset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Overdue maintenance as ONE set-based query over every asset in scope: each asset not disposed is paired with each level
 * whose cadence the county has set, its last check of that level is found (index ix_fund_asset_check_last), and the pair
 * is overdue when last check (or, before any, the date the asset entered the ledger) + cadence months is before today.
 * MariaDB's DATE_ADD(… INTERVAL n MONTH) clamps to the month's last day like {@link LocalDate#plusMonths}.
 */
@ApplicationScoped
public class AssetCheckScan {
    /** A row of the scan: the asset, the level, its cadence, the last check (null: none yet) and the due date. */
    public record Row(long assetId, String assetName, String villageCode, CheckLevel level, int months, LocalDate lastCheckedOn, LocalDate dueOn) {
    }

    static final String SQL = """
            SELECT a.id, a.name, a.village_code, lv.lvl, lv.months, MAX(c.checked_on) AS last_on,
                   DATE_ADD(COALESCE(MAX(c.checked_on), a.registered_on), INTERVAL lv.months MONTH) AS due_on
            FROM fund_asset a
            CROSS JOIN (%s) lv
            LEFT JOIN fund_asset_check c ON c.asset_id = a.id AND c.check_level = lv.lvl
            WHERE a.status <> 'DISPOSED' AND a.village_code LIKE :scope
            GROUP BY a.id, a.name, a.village_code, a.registered_on, lv.lvl, lv.months
            HAVING due_on < :today
            ORDER BY a.village_code, a.id, lv.lvl""";

    /** The scan's SQL for the given levels (their months are bound, never spliced in). */
    public static String sql(List<CheckLevel> levels) {
        List<String> parts = new ArrayList<>();
        for (CheckLevel l : levels) {
            parts.add("SELECT '" + l.name() + "' AS lvl, :m_" + l.name().toLowerCase() + " AS months");
        }
        return SQL.formatted(String.join(" UNION ALL ", parts));
    }

    /** Overdue (asset, level) pairs in scope as of {@code today}; empty when no level has a cadence. */
    public List<Row> overdue(EntityManager em, Map<CheckLevel, Integer> cadence, String scopeLike, LocalDate today) {
        if (cadence.isEmpty()) {
            return List.of();
        }
        List<CheckLevel> levels = new ArrayList<>(cadence.keySet());
        Query q = em.createNativeQuery(sql(levels));
        for (CheckLevel l : levels) {
            q.setParameter("m_" + l.name().toLowerCase(), cadence.get(l));
        }
        q.setParameter("scope", scopeLike);
        q.setParameter("today", Date.valueOf(today));
        List<Row> rows = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2], CheckLevel.valueOf((String) r[3]),
                    ((Number) r[4]).intValue(), date(r[5]), date(r[6])));
        }
        return rows;
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }
}
