package cn.fpjc.core.policy.param;

import cn.fpjc.core.policy.PolicyError;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.plugin.PluginFiles;
import cn.fpjc.core.platform.plugin.ProvincePlugin;
import cn.fpjc.core.platform.plugin.ProvincePluginRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters in force for a county in a year. Precedence, strongest first: the county's own
 * value in its province plug-in (county profile, pilot list), the value the province admin set for
 * that year, the province plug-in's value, core's national default. Within one level the newest
 * value whose year is not after the asked year wins; a perYear parameter only takes its own year's value.
 */
@ApplicationScoped
public class EffectiveParameters {
    private final ParameterCatalogue catalogue = ParameterCatalogue.load();
    private final Map<String, ParameterFile> files;

    @Inject
    YearlyParameterStore yearly;

    @Inject
    public EffectiveParameters(ProvincePluginRegistry plugins) {
        this.files = PluginFiles.loadAll(plugins.all(), "parameters", ProvincePlugin::parameters, ParameterFile.class,
                (plugin, file) -> catalogue.problems(file, plugin.id(), plugin.provinceCode()));
    }

    public ParameterCatalogue catalogue() {
        return catalogue;
    }

    public List<EffectiveParameter> resolveAll(String provinceId, String countyCode, int year) {
        List<EffectiveParameter> result = new ArrayList<>();
        for (ParameterDefinition def : catalogue.definitions()) {
            result.add(resolve(def, provinceId, countyCode, year));
        }
        return result;
    }

    public EffectiveParameter resolve(String provinceId, String countyCode, String key, int year) {
        ParameterDefinition def = catalogue.definition(key).orElseThrow(() -> new ApiException(PolicyError.PARAMETER_UNKNOWN, key));
        return resolve(def, provinceId, countyCode, year);
    }

    /** The value, or a clear refusal when the year has none (e.g. no threshold yet): never a guess. */
    public String require(String provinceId, String countyCode, String key, int year) {
        EffectiveParameter p = resolve(provinceId, countyCode, key, year);
        if (p.origin() == ParameterOrigin.NOT_SET) {
            throw new ApiException(PolicyError.PARAMETER_NOT_SET, year + "年的「" + p.label() + "」尚未设定"
                    + (catalogue.definition(key).orElseThrow().settableByProvince() ? "，请省级管理员设定后再办理" : ""));
        }
        return p.value();
    }

    private EffectiveParameter resolve(ParameterDefinition def, String provinceId, String countyCode, int year) {
        ParameterFile file = files.get(provinceId);
        if (file != null && countyCode != null && file.counties().containsKey(countyCode)) {
            Optional<ParameterValue> v = pick(def, file.counties().get(countyCode).values(), year);
            if (v.isPresent()) {
                return effective(def, v.get(), ParameterOrigin.COUNTY);
            }
        }
        if (def.settableByProvince()) {
            Optional<ParameterValue> v = yearly.find(provinceId, def.key(), year);
            if (v.isPresent()) {
                return effective(def, v.get(), ParameterOrigin.PROVINCE_YEARLY);
            }
        }
        if (file != null) {
            Optional<ParameterValue> v = pick(def, file.values(), year);
            if (v.isPresent()) {
                return effective(def, v.get(), ParameterOrigin.PROVINCE);
            }
        }
        Optional<ParameterValue> v = pick(def, catalogue.national(), year);
        if (v.isPresent()) {
            return effective(def, v.get(), ParameterOrigin.NATIONAL);
        }
        return new EffectiveParameter(def.key(), def.label(), def.group(), def.unit(), def.type(), def.perYear(), null, null, null, null,
                ParameterOrigin.NOT_SET, ParameterOrigin.NOT_SET.label());
    }

    private static Optional<ParameterValue> pick(ParameterDefinition def, List<ParameterValue> values, int year) {
        return values.stream()
                .filter(v -> v.key().equals(def.key()))
                .filter(v -> def.perYear() ? v.year() == year : v.year() <= year)
                .max(Comparator.comparingInt(ParameterValue::year));
    }

    private static EffectiveParameter effective(ParameterDefinition def, ParameterValue v, ParameterOrigin origin) {
        return new EffectiveParameter(def.key(), def.label(), def.group(), def.unit(), def.type(), def.perYear(), v.value(), v.year(), v.source(),
                v.note(), origin, origin.label());
    }
}
