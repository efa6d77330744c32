package cn.fpjc.core.platform.text;

import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import java.util.List;

/**
 * Reading people's input for forms, the API and files alike: enumerations by English name or Chinese label,
 * blanks as absent. Errors are collected with Chinese messages, never thrown one at a time.
 */
public final class Inputs {
    private Inputs() {
    }

    public static <E extends Enum<E> & Labelled> E required(Class<E> type, String text, String field, String label, List<FieldError> errors) {
        E value = Labelled.parse(type, text);
        if (value == null) {
            errors.add(new FieldError(field, (text == null || text.isBlank() ? "请选择" : "无法识别的") + "「" + label + "」，可选："
                    + String.join("、", Labelled.labels(type))));
        }
        return value;
    }

    public static <E extends Enum<E> & Labelled> E orDefault(Class<E> type, String text, E fallback, String field, String label,
            List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return required(type, text, field, label, errors);
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
