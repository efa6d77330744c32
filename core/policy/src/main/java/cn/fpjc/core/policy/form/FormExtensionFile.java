package cn.fpjc.core.policy.form;

import java.util.List;
import java.util.Map;

/**
 * A province plug-in's form extensions: extra fields per form, for the whole province and per county.
 * Form names: household, member, case, plan, or programme:&lt;programme id&gt;.
 */
public record FormExtensionFile(Map<String, List<FormField>> forms, Map<String, County> counties) {

    public record County(String name, Map<String, List<FormField>> forms) {
    }

    public Map<String, List<FormField>> forms() {
        return forms == null ? Map.of() : forms;
    }

    public Map<String, County> counties() {
        return counties == null ? Map.of() : counties;
    }
}
