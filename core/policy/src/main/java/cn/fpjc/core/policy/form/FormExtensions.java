package cn.fpjc.core.policy.form;

import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody;
import cn.fpjc.core.platform.plugin.PluginFiles;
import cn.fpjc.core.platform.plugin.ProvincePlugin;
import cn.fpjc.core.platform.plugin.ProvincePluginRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extra fields a county's forms carry (province fields, then the county's own), their
 * validation, and their storage: one JSON text column per form's table (extra_json), so adding a
 * field never needs a schema change.
 */
@ApplicationScoped
public class FormExtensions {
    private final Map<String, FormExtensionFile> files;
    private final ObjectMapper json;

    @Inject
    public FormExtensions(ProvincePluginRegistry plugins, ObjectMapper json) {
        this.json = json;
        this.files = PluginFiles.loadAll(plugins.all(), "form extensions", ProvincePlugin::formExtensions, FormExtensionFile.class,
                (plugin, file) -> FormExtensionCatalogue.problems(file, plugin.provinceCode()));
    }

    /** The extra fields of a form for a county, province fields first. */
    public List<FormField> fields(String provinceId, String countyCode, String form) {
        FormExtensionFile file = files.get(provinceId);
        if (file == null) {
            return List.of();
        }
        List<FormField> fields = new ArrayList<>(file.forms().getOrDefault(form, List.of()));
        FormExtensionFile.County county = file.counties().get(countyCode);
        if (county != null && county.forms() != null) {
            fields.addAll(county.forms().getOrDefault(form, List.of()));
        }
        return fields;
    }

    /**
     * Checks submitted extra values against the fields and returns them normalised (numbers as
     * decimals, booleans, ISO dates), or refuses with one message per bad field. Unknown keys are refused.
     */
    public Map<String, Object> validate(String provinceId, String countyCode, String form, Map<String, ?> input) {
        List<FormField> fields = fields(provinceId, countyCode, form);
        Map<String, ?> values = input == null ? Map.of() : input;
        List<ErrorBody.FieldError> errors = new ArrayList<>();
        Map<String, Object> result = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            if (fields.stream().noneMatch(f -> f.key().equals(key))) {
                errors.add(new ErrorBody.FieldError(key, "本表单没有这个字段"));
            }
        }
        for (FormField f : fields) {
            Object raw = values.get(f.key());
            String text = raw == null ? null : raw.toString().strip();
            if (text == null || text.isEmpty()) {
                if (f.required()) {
                    errors.add(new ErrorBody.FieldError(f.key(), "请填写「" + f.label() + "」"));
                }
                continue;
            }
            try {
                result.put(f.key(), parse(f, text));
            } catch (IllegalArgumentException e) {
                errors.add(new ErrorBody.FieldError(f.key(), "「" + f.label() + "」" + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        return result;
    }

    /**
     * {@link #validate} for a form that has other inputs: the refusals are added to {@code errors}, named
     * "&lt;prefix&gt;extra.&lt;key&gt;", and nothing is returned for a refused input.
     */
    public Map<String, Object> validate(String provinceId, String countyCode, String form, Map<String, ?> input, String prefix,
            List<ErrorBody.FieldError> errors) {
        try {
            return validate(provinceId, countyCode, form, input);
        } catch (ApiException e) {
            errors.addAll(e.fieldErrors().stream().map(f -> new ErrorBody.FieldError(prefix + "extra." + f.field(), f.message())).toList());
            return Map.of();
        }
    }

    /**
     * The "&lt;prefix&gt;x.&lt;key&gt;" inputs of an HTML form (as rendered by the formfields tag with that prefix), keyed by
     * field key. The prefix tells two groups on one form apart (a new household's own fields and its head's: "head.").
     */
    public static Map<String, String> fromForm(Map<String, List<String>> form, String prefix) {
        String start = prefix + "x.";
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, list) -> {
            if (name.startsWith(start) && list != null && !list.isEmpty()) {
                values.put(name.substring(start.length()), list.get(0));
            }
        });
        return values;
    }

    public String toJson(Map<String, Object> values) {
        try {
            return values == null || values.isEmpty() ? null : json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Object> fromJson(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(FormField f, String text) {
        switch (f.type()) {
            case NUMBER, MONEY -> {
                BigDecimal v;
                try {
                    v = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("应为数字");
                }
                if (f.type() == FormField.FieldType.MONEY && v.scale() > 2) {
                    throw new IllegalArgumentException("金额最多两位小数");
                }
                if (f.min() != null && v.compareTo(f.min()) < 0) {
                    throw new IllegalArgumentException("不能小于 " + f.min().toPlainString());
                }
                if (f.max() != null && v.compareTo(f.max()) > 0) {
                    throw new IllegalArgumentException("不能大于 " + f.max().toPlainString());
                }
                return v;
            }
            case DATE -> {
                try {
                    return LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("应为日期（如 2024-03-31）");
                }
            }
            case SELECT -> {
                if (!f.options().contains(text)) {
                    throw new IllegalArgumentException("应为以下之一：" + String.join("、", f.options()));
                }
                return text;
            }
            case BOOLEAN -> {
                if (text.equals("true") || text.equals("是")) {
                    return true;
                }
                if (text.equals("false") || text.equals("否")) {
                    return false;
                }
                throw new IllegalArgumentException("应为“是”或“否”");
            }
            default -> {
                if (f.pattern() != null && !text.matches(f.pattern())) {
                    throw new IllegalArgumentException("格式不正确");
                }
                if (text.length() > 500) {
                    throw new IllegalArgumentException("不能超过500个字");
                }
                return text;
            }
        }
    }
}
