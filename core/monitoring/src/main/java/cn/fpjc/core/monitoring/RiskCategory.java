package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.text.Inputs;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.text.Labelled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** 风险类别 (DOMAIN.md §2, the Minqin list of eleven; several may apply to one household). */
public enum RiskCategory implements Labelled {
    ILLNESS("因病"),
    SCHOOLING("因学"),
    HOUSING("因安全住房"),
    DRINKING_WATER("因安全饮水"),
    DISABILITY("因残"),
    NATURAL_DISASTER("因自然灾害"),
    ACCIDENT("因意外事故"),
    INDUSTRY_FAILURE("因产业项目失败"),
    UNSTABLE_EMPLOYMENT("因务工就业不稳"),
    LACK_OF_LABOUR("因缺劳动力"),
    OTHER("其他");

    private final String label;

    RiskCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Chosen categories (English names or labels) as stored: distinct names, comma-separated; null for none. */
    public static String toStored(List<String> texts, List<FieldError> errors) {
        return toStored(texts, "riskCategories", errors);
    }

    /** The same, reporting a wrong category against {@code field}. */
    public static String toStored(List<String> texts, String field, List<FieldError> errors) {
        List<String> names = new ArrayList<>();
        for (String t : texts == null ? List.<String>of() : texts) {
            RiskCategory c = Inputs.orDefault(RiskCategory.class, t, null, field, "风险类别", errors);
            if (c != null && !names.contains(c.name())) {
                names.add(c.name());
            }
        }
        return names.isEmpty() ? null : String.join(",", names);
    }

    /** The labels of a stored list. */
    public static List<String> labels(String stored) {
        return stored == null ? List.of() : Arrays.stream(stored.split(",")).map(n -> valueOf(n).label()).toList();
    }
}
