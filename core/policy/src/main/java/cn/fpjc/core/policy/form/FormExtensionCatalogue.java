package cn.fpjc.core.policy.form;

import cn.fpjc.core.platform.plugin.PluginFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads and checks form extension files; plain Java for the plug-in contract. */
public final class FormExtensionCatalogue {
    /** The forms of the product that accept extensions. */
    public static final Set<String> FORMS = Set.of("household", "member", "case", "plan");

    private FormExtensionCatalogue() {
    }

    public static FormExtensionFile read(ClassLoader loader, String path) throws IOException {
        return PluginFiles.read(loader, path, FormExtensionFile.class);
    }

    public static boolean isKnownForm(String form) {
        return FORMS.contains(form) || (form != null && form.matches("programme:[a-z][a-z0-9-]{1,40}"));
    }

    /** Everything wrong with a form extension file, in Chinese; empty when fine. */
    public static List<String> problems(FormExtensionFile file, String provinceCode) {
        List<String> problems = new ArrayList<>();
        check("", file.forms(), problems);
        file.counties().forEach((code, county) -> {
            if (code == null || !code.matches("\\d{6}") || !code.startsWith(provinceCode)) {
                problems.add("表单扩展的县级代码 " + code + " 不是本省的6位县级代码");
            }
            check("县级 " + code + " ", county.forms() == null ? Map.of() : county.forms(), problems);
        });
        return problems;
    }

    private static void check(String scope, Map<String, List<FormField>> forms, List<String> problems) {
        forms.forEach((form, fields) -> {
            if (!isKnownForm(form)) {
                problems.add(scope + "未知表单 " + form + "（可用：household、member、case、plan、programme:<id>）");
            }
            Set<String> keys = new HashSet<>();
            for (FormField f : fields) {
                String at = scope + form + "." + f.key();
                if (f.key() == null || !f.key().matches("[a-z][A-Za-z0-9]{1,40}") || !keys.add(f.key())) {
                    problems.add(at + "：字段 key 应为驼峰英文且不重复");
                }
                if (f.label() == null || f.label().isBlank()) {
                    problems.add(at + "：缺少中文名称");
                }
                if (f.type() == null) {
                    problems.add(at + "：缺少类型");
                }
                if (f.type() == FormField.FieldType.SELECT && f.options().isEmpty()) {
                    problems.add(at + "：下拉选项为空");
                }
                if (f.pattern() != null) {
                    try {
                        Pattern.compile(f.pattern());
                    } catch (PatternSyntaxException e) {
                        problems.add(at + "：pattern 不是正则表达式");
                    }
                }
                if (f.source() == null || f.source().isBlank()) {
                    problems.add(at + "：缺少出处（source）");
                }
            }
        });
    }
}
