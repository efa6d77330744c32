package cn.fpjc.core.policy.param;

import java.util.List;
import java.util.Map;

/**
 * A province plug-in's parameter file (JSON): the province's values, and per-county overrides
 * keyed by county code (e.g. a county profile such as 民勤县, or a pilot-county list).
 */
public record ParameterFile(String province, List<ParameterValue> values, Map<String, County> counties) {

    public record County(String name, List<ParameterValue> values) {
    }

    public List<ParameterValue> values() {
        return values == null ? List.of() : values;
    }

    public Map<String, County> counties() {
        return counties == null ? Map.of() : counties;
    }
}
