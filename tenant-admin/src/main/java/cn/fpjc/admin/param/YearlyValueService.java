package cn.fpjc.admin.param;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.policy.PolicyError;

import cn.fpjc.admin.audit.PlatformAudit;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.error.Versions;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterDefinition;
import cn.fpjc.core.policy.param.ParameterValue;
import cn.fpjc.core.policy.param.YearlyParameterStore;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Yearly values set by province admins, kept in the control database. Reads run in their own
 * transaction so they can be asked from inside a tenant's transaction.
 */
@ApplicationScoped
public class YearlyValueService implements YearlyParameterStore {
    @Inject
    AppClock clock;

    @Inject
    cn.fpjc.core.platform.tx.DeadlockRetry retry;

    @Inject
    PlatformAudit audit;

    @Inject
    EffectiveParameters parameters;

    public record YearlyValueView(String province, String key, String label, int year, String value, String source, String setBy,
            Instant setAt, Long version) {
    }

    /** {@code version}: the one read, required when the year already has a value (optimistic lock); absent for a new year. */
    public record SetRequest(String value, String source, Long version) {
    }

    /**
     * Values read from the control database are reused for a while (quarkus.cache.caffeine."yearly-parameters" in
     * application.properties): the request path asks for thresholds on every household page. A change made here is seen
     * at once (the entry is dropped), one made on another replica within the expiry — the same rule as the tenant registry.
     */
    @Inject
    /** When it was set, as people read it: Beijing time to the minute. */
    private static final java.time.format.DateTimeFormatter SET_AT = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(cn.fpjc.core.platform.clock.AppClock.CHINA);

    @CacheName("yearly-parameters")
    Cache cache;

    @Override
    public Optional<ParameterValue> find(String provinceId, String key, int year) {
        return cache.<String, Optional<ParameterValue>>get(cacheKey(provinceId, key, year), k -> QuarkusTransaction.requiringNew()
                .call(() -> ProvinceYearlyValue
                        .<ProvinceYearlyValue>find("provinceId = ?1 and key = ?2 and year = ?3", provinceId, key, year)
                        .firstResultOptional()
                        .map(v -> new ParameterValue(v.key, v.year, v.value, v.source, "由 " + v.setBy + " 于 " + SET_AT.format(v.setAt) + " 设定"))))
                .await().indefinitely();
    }

    private static String cacheKey(String provinceId, String key, int year) {
        return provinceId + "/" + key + "/" + year;
    }

    public List<YearlyValueView> list(String provinceId) {
        return QuarkusTransaction.requiringNew().call(() -> ProvinceYearlyValue
                .<ProvinceYearlyValue>list("provinceId", Sort.descending("year").and("key"), provinceId).stream()
                .map(this::view).toList());
    }

    /** Sets (or replaces) the value of a settable parameter for one year only; audited. */
    public YearlyValueView set(String actor, String provinceId, String key, int year, SetRequest request) {
        ParameterDefinition def = parameters.catalogue().definition(key)
                .orElseThrow(() -> new ApiException(PolicyError.PARAMETER_UNKNOWN, key));
        if (!def.settableByProvince()) {
            throw new ApiException(PolicyError.PARAMETER_NOT_SETTABLE, def.label());
        }
        if (year < 2020 || year > 2100) {
            throw new ApiException(PolicyError.PARAMETER_VALUE_INVALID, "年度 " + year + " 不合理");
        }
        String value = request == null || request.value() == null ? null : request.value().strip();
        String problem = def.type().problem(value);
        if (problem != null) {
            throw new ApiException(PolicyError.PARAMETER_VALUE_INVALID, def.label() + "：" + problem);
        }
        if (request.source() == null || request.source().isBlank()) {
            throw new ApiException(PolicyError.PARAMETER_VALUE_INVALID, "请填写依据（文件名称、文号）");
        }
        YearlyValueView saved = retry.run("YearlyValueService.set", () -> QuarkusTransaction.requiringNew().call(() -> {
            ProvinceYearlyValue row = ProvinceYearlyValue
                    .<ProvinceYearlyValue>find("provinceId = ?1 and key = ?2 and year = ?3", provinceId, key, year)
                    .firstResultOptional().orElse(null);
            if (row != null) {
                if (request.version() == null) {
                    throw new ApiException(PlatformError.VALIDATION_FAILED,
                            year + " 年的「" + def.label() + "」已设定为 " + row.value + "，修改时请在该行修改",
                            List.of(new ErrorBody.FieldError("version", "该年度已有取值：请带上读取时的版本号（version），以免覆盖他人的修改")));
                }
                Versions.check(row.version, request.version());
            }
            Map<String, Object> before = row == null ? null : Map.of("value", row.value, "source", row.source);
            if (row == null) {
                row = new ProvinceYearlyValue();
                row.provinceId = provinceId;
                row.key = key;
                row.year = year;
            }
            row.value = value;
            row.source = request.source().strip();
            row.setBy = actor;
            row.setAt = clock.now();
            row.persistAndFlush();
            audit.record(actor, before == null ? "SET" : "UPDATE", "province_yearly_value", provinceId + "/" + key + "/" + year, before,
                    Map.of("value", row.value, "source", row.source));
            return view(row);
        }));
        cache.invalidate(cacheKey(provinceId, key, year)).await().indefinitely();
        return saved;
    }

    private YearlyValueView view(ProvinceYearlyValue v) {
        String label = parameters.catalogue().definition(v.key).map(ParameterDefinition::label).orElse(v.key);
        return new YearlyValueView(v.provinceId, v.key, label, v.year, v.value, v.source, v.setBy, v.setAt, v.version);
    }
}
