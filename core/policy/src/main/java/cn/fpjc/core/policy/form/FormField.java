package cn.fpjc.core.policy.form;

import java.math.BigDecimal;
import java.util.List;

/**
 * An extra field a province adds to one of the product's forms.
 *
 * @param key stable field key (lower camel case); the stored JSON uses it
 * @param options allowed values for SELECT
 * @param pattern regular expression a TEXT value must match (optional)
 * @param min lower bound for NUMBER / MONEY (optional)
 * @param max upper bound for NUMBER / MONEY (optional)
 * @param source the document and section that asks for the field
 */
public record FormField(String key, String label, FieldType type, boolean required, List<String> options, String pattern,
        BigDecimal min, BigDecimal max, String help, String source) {

    public enum FieldType {
        TEXT, NUMBER, MONEY, DATE, SELECT, BOOLEAN
    }

    public List<String> options() {
        return options == null ? List.of() : options;
    }
}
