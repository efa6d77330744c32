package cn.fpjc.core.policy.param;

import cn.fpjc.core.platform.plugin.PluginFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Core's catalogue of parameters (params/catalogue.json): every key the product understands, with
 * its label, unit and type, and the national defaults. Also checks a plug-in's parameter file
 * against it. Plain Java, so a plug-in's contract test can use it without starting Quarkus.
 */
public final class ParameterCatalogue {
    public static final String RESOURCE = "params/catalogue.json";
    public record Catalogue(List<ParameterDefinition> definitions, List<ParameterValue> national) {
    }

    private final Map<String, ParameterDefinition> definitions;
    private final List<ParameterValue> national;

    private ParameterCatalogue(Catalogue catalogue) {
        Map<String, ParameterDefinition> map = new LinkedHashMap<>();
        catalogue.definitions().forEach(d -> map.put(d.key(), d));
        this.definitions = map;
        this.national = List.copyOf(catalogue.national());
        List<String> problems = new ArrayList<>();
        checkValues("国家默认值", national, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("core " + RESOURCE + ": " + String.join("; ", problems));
        }
    }

    public static ParameterCatalogue load() {
        try {
            return new ParameterCatalogue(PluginFiles.read(ParameterCatalogue.class.getClassLoader(), RESOURCE, Catalogue.class));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads a plug-in's parameter file from the class path. */
    public static ParameterFile readFile(ClassLoader loader, String path) throws IOException {
        return PluginFiles.read(loader, path, ParameterFile.class);
    }

    public List<ParameterDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    public Optional<ParameterDefinition> definition(String key) {
        return Optional.ofNullable(definitions.get(key));
    }

    public List<ParameterValue> national() {
        return national;
    }

    /**
     * Everything wrong with a plug-in's parameter file, in Chinese, one line each; empty when it is
     * fine. Every value must name a known key, be well-formed for its type and cite its source.
     */
    public List<String> problems(ParameterFile file, String pluginId, String provinceCode) {
        List<String> problems = new ArrayList<>();
        if (!pluginId.equals(file.province())) {
            problems.add("文件中的 province 应为 " + pluginId + "，实际为 " + file.province());
        }
        checkValues("省级参数", file.values(), problems);
        file.counties().forEach((code, county) -> {
            if (code == null || !code.matches("\\d{6}") || !code.startsWith(provinceCode)) {
                problems.add("县级覆盖的代码 " + code + " 不是本省（" + provinceCode + "）的6位县级代码");
            }
            checkValues("县级覆盖 " + code, county.values() == null ? List.of() : county.values(), problems);
        });
        return problems;
    }

    private void checkValues(String scope, List<ParameterValue> values, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (ParameterValue v : values) {
            ParameterDefinition def = definitions.get(v.key());
            String where = scope + " " + v.key() + "（" + v.year() + "）";
            if (def == null) {
                problems.add(where + "：目录中没有这个参数");
                continue;
            }
            if (v.source() == null || v.source().isBlank()) {
                problems.add(where + "：缺少出处（source）");
            }
            String typeProblem = def.type().problem(v.value());
            if (typeProblem != null) {
                problems.add(where + "：" + typeProblem);
            }
            if (v.year() < 2000 || v.year() > 2100) {
                problems.add(where + "：生效年度不合理");
            }
            if (!seen.add(v.key() + "@" + v.year())) {
                problems.add(where + "：同一年度重复");
            }
        }
    }
}
