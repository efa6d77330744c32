package cn.fpjc.admin.clock;

import cn.fpjc.admin.audit.PlatformAudit;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.tenancy.TenantDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Sets and resets {@link AppClock}'s dates on behalf of a platform admin, audited in the control database. */
@ApplicationScoped
public class ClockSettings {
    private static final String ENTITY = "app_clock";
    private static final String GLOBAL = "*";

    @Inject
    AppClock clock;

    @Inject
    PlatformAudit audit;

    @Inject
    TenantDirectory tenants;

    /** @param county null or blank: every county without a date of its own */
    public record SetRequest(LocalDate today, String county) {
    }

    public AppClock.Settings get() {
        return clock.settings();
    }

    public AppClock.Settings set(String actor, SetRequest request) {
        refuseUnlessAdjustable();
        if (request == null || request.today() == null) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("today", "请填写日期，如 2024-10-08")));
        }
        String county = county(request.county());
        AppClock.Settings before = clock.settings();
        record(actor, "SET", county, dateOf(before, county), request.today());
        clock.setToday(county, request.today());
        return clock.settings();
    }

    public AppClock.Settings reset(String actor, String countyParam) {
        refuseUnlessAdjustable();
        String county = county(countyParam);
        AppClock.Settings before = clock.settings();
        record(actor, "RESET", county, county == null ? before : dateOf(before, county), null);
        clock.reset(county);
        return clock.settings();
    }

    /** Checked before anything else, so a production server answers every attempt the same way. */
    private void refuseUnlessAdjustable() {
        if (!clock.adjustable()) {
            throw new ApiException(PlatformError.CLOCK_NOT_ADJUSTABLE);
        }
    }

    private String county(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String county = raw.strip();
        if (tenants.find(county).isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("county", "没有行政区划代码为 " + county + " 的县（区）")));
        }
        return county;
    }

    private static LocalDate dateOf(AppClock.Settings settings, String county) {
        return county == null ? settings.today() : settings.counties().get(county);
    }

    private void record(String actor, String action, String county, Object before, LocalDate after) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(actor, action, ENTITY, county == null ? GLOBAL : county,
                before == null ? null : Map.of("today", before), after == null ? null : Map.of("today", after)));
    }
}
