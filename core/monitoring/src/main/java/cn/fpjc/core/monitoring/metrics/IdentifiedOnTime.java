package cn.fpjc.core.monitoring.metrics;

import cn.fpjc.core.platform.calendar.Due;
import cn.fpjc.core.platform.calendar.WorkingDayCalendar;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.metrics.CountyMetric;
import cn.fpjc.core.platform.metrics.Dimension;
import cn.fpjc.core.platform.metrics.MetricDefinition;
import cn.fpjc.core.platform.metrics.MetricKind;
import cn.fpjc.core.platform.metrics.MetricScope;
import cn.fpjc.core.platform.metrics.MetricValue;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 识别及时率: of the identification cases the county approved in a month, those approved within the province's
 * identification period counted from the day the case started (识别时间 = 县级审定时间; 000 一(二)3, 002 三(一)).
 * The last day is computed as the case's clock is (start day not counted; moved off a rest day where the province
 * extends deadlines), so 15 days exactly is in time and a period ending in 国庆节 ends on the next working day. A case
 * still in progress whose last day has passed counts as late in the month that day fell in, so leaving a case
 * undecided never improves the figure. The rule is the identification period alone (a province's other deadlines on the
 * county step, such as Gansu's working days from the feedback, are the case's own clock, not this figure).
 */
@ApplicationScoped
public class IdentifiedOnTime implements CountyMetric {
    static final String KEY = "monitoring.identified-on-time";

    @Inject
    EntityManager em;

    @Inject
    EffectiveParameters parameters;

    @Inject
    WorkingDayCalendar calendar;

    @Override
    public int displayOrder() {
        return 10;
    }

    @Override
    public MetricDefinition definition() {
        return new MetricDefinition(KEY, "识别及时率",
                "当月县级审定的识别案件（以及期限在当月届满仍未审定的办理中案件，计为超期）中，自启动识别之日起在本省规定期限内（如15天，不含当日；"
                        + "期限最后一日为法定休假日的顺延至其后第一个工作日）完成县级审定的比例。本省或当年未设定期限、或当年节假日安排未载入的案件不计入。",
                MetricSql.NATIONAL, MetricKind.RATIO, "件", "按期审定的识别案件", "县级审定的识别案件",
                Set.of(Dimension.TOWNSHIP, Dimension.VILLAGE, Dimension.MONTH), false, Map.of());
    }

    @Override
    public List<MetricValue> compute(MetricScope scope) {
        Map<String, long[]> counts = new HashMap<>(); // village|month -> {on time, judged}
        Map<Integer, EffectiveParameter> days = new HashMap<>();
        Map<Integer, Boolean> extend = new HashMap<>();
        // Approved in the window, or still in progress and started early enough for its period to have run out.
        for (Object[] r : MetricSql.rows(em, "SELECT c.village_code, c.started_on, c.approved_on FROM monitoring_case c WHERE "
                + MetricSql.IDENTIFICATION + " AND c.village_code LIKE ?1 AND (c.approved_on BETWEEN ?2 AND ?3"
                + " OR c.approved_on IS NULL AND c.status = 'IN_PROGRESS' AND c.started_on < ?3)", scope, scope.monthsFrom(), scope.asOf())) {
            LocalDate started = MetricSql.date(r[1]);
            LocalDate approved = MetricSql.date(r[2]);
            int year = started.getYear();
            EffectiveParameter p = days.computeIfAbsent(year, y -> parameters.resolve(scope.tenant().provinceId(), scope.tenant().code(),
                    "monitoring.identification-max-days", y));
            if (p.value() == null) {
                continue;
            }
            boolean ext = extend.computeIfAbsent(year, y -> !"false".equals(parameters.resolve(scope.tenant().provinceId(),
                    scope.tenant().code(), "monitoring.deadline-extends-over-rest-days", y).value()));
            Due due;
            try {
                due = calendar.afterDays(started, Integer.parseInt(p.value().strip()), ext);
            } catch (ApiException notScheduled) {
                continue; // the year's holidays are not loaded: not judged rather than guessed
            }
            LocalDate counted = approved != null ? approved : due.date();
            if (approved == null && (!due.date().isBefore(scope.asOf()) || due.date().isBefore(scope.monthsFrom()))) {
                continue; // still within its period (or overdue before the window): not judged here
            }
            long[] c = counts.computeIfAbsent(r[0] + "|" + counted.toString().substring(0, 7), k -> new long[2]);
            c[1]++;
            if (approved != null && !approved.isAfter(due.date())) {
                c[0]++;
            }
        }
        List<MetricValue> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(MetricValue.ratio(k.substring(0, 12), k.substring(13), null, c[0], c[1])));
        return out;
    }
}
