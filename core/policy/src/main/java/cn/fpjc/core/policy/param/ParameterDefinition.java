package cn.fpjc.core.policy.param;

/**
 * One parameter the product knows, from core's catalogue (params/catalogue.json).
 *
 * @param perYear a value applies to its own year only and is never carried into the next (e.g. the
 *        monitoring threshold, which every province sets anew each year)
 * @param settableByProvince a province admin may set it for a year at run time
 */
public record ParameterDefinition(String key, String label, String group, String unit, ParamType type, boolean perYear,
        boolean settableByProvince) {
}
