package cn.fpjc.core.policy.contract;

import cn.fpjc.core.platform.plugin.ProvincePlugin;

import cn.fpjc.core.policy.form.FormExtensionCatalogue;
import cn.fpjc.core.policy.param.ParameterCatalogue;
import cn.fpjc.core.policy.param.ParameterFile;
import java.util.ArrayList;
import cn.fpjc.core.policy.procedure.ProcedureCatalogue;
import cn.fpjc.core.policy.procedure.ProcedureDefinition;
import cn.fpjc.core.policy.procedure.ProcedureFile;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contract every province plug-in passes (each plug-in module runs it in its own tests, see
 * province-plugins/README.md): well-formed id and province code, its changelog on the class path,
 * a parameter file in which every value names a catalogue key, is well-formed and cites its source,
 * and procedure variants that replace a national procedure with known roles, evidence and deadline parameters.
 */
public final class ProvincePluginContract {
    /** Documents whose wording a plug-in may replace (see ProvincePlugin.documentTemplate). */
    public static final List<String> DOCUMENTS = List.of("leaflet");

    private ProvincePluginContract() {
    }

    /** Everything that breaks the contract, one line each; empty when the plug-in is fine. */
    public static List<String> problems(ProvincePlugin plugin) {
        List<String> problems = new ArrayList<>();
        ClassLoader loader = plugin.getClass().getClassLoader();
        if (plugin.id() == null || !plugin.id().matches("[a-z][a-z0-9-]{1,30}")) {
            problems.add("id 应为小写拼音：" + plugin.id());
        }
        if (plugin.provinceCode() == null || !plugin.provinceCode().matches("\\d{2}")) {
            problems.add("provinceCode 应为2位省级代码：" + plugin.provinceCode());
        }
        if (plugin.displayName() == null || plugin.displayName().isBlank()) {
            problems.add("缺少中文名称 displayName");
        }
        plugin.changelog().ifPresent(path -> {
            if (loader.getResource(path) == null) {
                problems.add("找不到 changelog：" + path);
            }
        });
        for (String document : DOCUMENTS) {
            plugin.documentTemplate(document).ifPresent(path -> {
                if (loader.getResource(path) == null) {
                    problems.add("找不到文书模板 " + document + "：" + path);
                }
            });
        }
        plugin.parameters().ifPresent(path -> {
            try {
                ParameterFile file = ParameterCatalogue.readFile(loader, path);
                problems.addAll(ParameterCatalogue.load().problems(file, plugin.id(), plugin.provinceCode()));
            } catch (Exception e) {
                problems.add("参数文件 " + path + " 无法读取：" + e.getMessage());
            }
        });
        plugin.procedures().ifPresent(path -> {
            try {
                ProcedureFile file = ProcedureCatalogue.read(loader, path);
                Set<String> known = ProcedureCatalogue.national().procedures().stream().map(ProcedureDefinition::id)
                        .collect(Collectors.toSet());
                problems.addAll(ProcedureCatalogue.problems(file, ParameterCatalogue.load(), known, plugin.provinceCode()));
            } catch (Exception e) {
                problems.add("程序文件 " + path + " 无法读取：" + e.getMessage());
            }
        });
        plugin.formExtensions().ifPresent(path -> {
            try {
                problems.addAll(FormExtensionCatalogue.problems(FormExtensionCatalogue.read(loader, path), plugin.provinceCode()));
            } catch (Exception e) {
                problems.add("表单扩展文件 " + path + " 无法读取：" + e.getMessage());
            }
        });
        return problems;
    }

    /** Fails with every problem listed. */
    public static void verify(ProvincePlugin plugin) {
        List<String> problems = problems(plugin);
        if (!problems.isEmpty()) {
            throw new AssertionError("省份插件 " + plugin.id() + " 不符合约定：\n- " + String.join("\n- ", problems));
        }
    }
}
