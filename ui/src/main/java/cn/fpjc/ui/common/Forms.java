package cn.fpjc.ui.common;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading any HTML form of the UI and showing a refusal on it: submitted text → values, an API refusal's field errors →
 * messages keyed by input name (so each lands beside its input), and the few parsers every feature's form needs.
 */
public final class Forms {
    private Forms() {
    }

    /** What the form shows again after a refusal: exactly what was typed. */
    public static Map<String, String> submitted(MultivaluedMap<String, String> form) {
        Map<String, String> v = new HashMap<>();
        form.forEach((k, list) -> v.put(k, list == null || list.isEmpty() ? "" : list.get(0)));
        return v;
    }

    /**
     * A refusal's field errors keyed as the form names its inputs: {@code prefix} is dropped (the API's
     * "members[0]." of the head on the new-household form becomes "head."), "extra.k" becomes "x.k".
     */
    public static Map<String, String> errors(ApiException e, String apiPrefix, String formPrefix) {
        Map<String, String> byField = new HashMap<>();
        if (e.fieldErrors() == null) {
            return byField;
        }
        for (FieldError f : e.fieldErrors()) {
            String field = f.field();
            String prefix = "";
            if (!apiPrefix.isEmpty() && field.startsWith(apiPrefix)) {
                field = field.substring(apiPrefix.length());
                prefix = formPrefix;
            }
            if (field.startsWith("extra.")) {
                field = "x." + field.substring("extra.".length());
            }
            byField.merge(prefix + field, f.message(), (a, b) -> a + "；" + b);
        }
        return byField;
    }

    /**
     * Stored province extension values (FormExtensions.fromJson) as the formfields tag's inputs show them, keyed
     * "&lt;prefix&gt;x.&lt;key&gt;": a yes/no field as 是 or 否, a number as typed.
     */
    public static Map<String, String> extraInputs(Map<String, Object> stored, String prefix) {
        Map<String, String> v = new HashMap<>();
        stored.forEach((k, x) -> v.put(prefix + "x." + k, x == null ? "" : x instanceof Boolean b ? (b ? "是" : "否")
                : x instanceof java.math.BigDecimal d ? d.toPlainString() : x.toString()));
        return v;
    }

    /** The entries of a form's values or errors whose names start with {@code prefix}, keyed without it (for the formfields tag). */
    public static Map<String, String> group(Map<String, String> byName, String prefix) {
        Map<String, String> g = new HashMap<>();
        byName.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                g.put(k.substring(prefix.length()), v);
            }
        });
        return g;
    }

    /** Every message of a refusal in one line, for pages whose inputs are not the request's fields. */
    public static String allMessages(ApiException e) {
        return e.fieldErrors() == null || e.fieldErrors().isEmpty() ? e.humanMessage()
                : e.code().message() + "：" + String.join("；", e.fieldErrors().stream().map(FieldError::message).toList());
    }

    /** The messages of a refusal that no input shows (e.g. the person is already registered elsewhere). */
    public static String summary(ApiException e) {
        return e.fieldErrors() == null || e.fieldErrors().isEmpty() ? e.humanMessage() : e.code().message() + "，请按各栏提示修改";
    }

    // ------------------------------------------------------------ parsing


    public static String text(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }


    public static LocalDate date(MultivaluedMap<String, String> form, String name, List<FieldError> errors) {
        return date(form.getFirst(name), name, errors);
    }

    /** A date typed as text; a blank is null, anything unreadable is reported against {@code field}. */
    public static LocalDate date(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "请填写日期，如 2025-03-31"));
            return null;
        }
    }


    /** A chosen row's id; refused beside its input when none was chosen. */
    public static Long id(MultivaluedMap<String, String> form, String name, String message) {
        Long id = longOrNull(form.getFirst(name));
        if (id == null) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError(name, message)));
        }
        return id;
    }

    /** A hidden id or version: a mangled one counts as none (the service then refuses by its own checks). */
    public static Long longOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A value a form shows: null as empty. */
    public static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
