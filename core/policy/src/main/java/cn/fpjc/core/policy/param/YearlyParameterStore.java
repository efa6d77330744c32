package cn.fpjc.core.policy.param;

import java.util.Optional;

/** Values a province admin set for one year at run time (implemented by the control plane). */
public interface YearlyParameterStore {
    Optional<ParameterValue> find(String provinceId, String key, int year);
}
