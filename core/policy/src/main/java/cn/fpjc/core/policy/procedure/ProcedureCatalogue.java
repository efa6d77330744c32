package cn.fpjc.core.policy.procedure;

import cn.fpjc.core.policy.param.ParamType;
import cn.fpjc.core.policy.param.ParameterCatalogue;
import cn.fpjc.core.policy.param.ParameterDefinition;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.plugin.PluginFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks procedure files (core's procedures/national.json and plug-ins' variants). Plain
 * Java so the plug-in contract can run it without Quarkus.
 */
public final class ProcedureCatalogue {
    public static final String NATIONAL = "procedures/national.json";

    private ProcedureCatalogue() {
    }

    public static ProcedureFile read(ClassLoader loader, String path) throws IOException {
        return PluginFiles.read(loader, path, ProcedureFile.class);
    }

    public static ProcedureFile national() {
        try {
            ProcedureFile file = read(ProcedureCatalogue.class.getClassLoader(), NATIONAL);
            List<String> problems = problems(file, ParameterCatalogue.load(), null, null);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("core " + NATIONAL + ": " + String.join("; ", problems));
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + NATIONAL, e);
        }
    }

    /**
     * Everything wrong with a procedure file, in Chinese; empty when fine. A variant must replace a
     * procedure core knows (same id), every step needs a known role and evidence, and a deadline
     * must count from the start or an earlier step and use a DAYS or WORKING_DAYS parameter.
     *
     * @param knownIds ids a variant may replace (null for core's own file)
     * @param provinceCode county overrides must lie in this province (null for core's own file)
     */
    public static List<String> problems(ProcedureFile file, ParameterCatalogue parameters, Set<String> knownIds, String provinceCode) {
        List<String> problems = new ArrayList<>();
        check("", file.procedures(), parameters, knownIds, problems);
        file.counties().forEach((code, county) -> {
            if (provinceCode == null || code == null || !code.matches("\\d{6}") || !code.startsWith(provinceCode)) {
                problems.add("程序的县级变体代码 " + code + " 不是本省的6位县级代码");
            }
            check("县级变体 " + code + " ", county.procedures() == null ? List.of() : county.procedures(), parameters, knownIds, problems);
        });
        return problems;
    }

    private static void check(String scope, List<ProcedureDefinition> procedures, ParameterCatalogue parameters, Set<String> knownIds,
            List<String> problems) {
        Set<String> ids = new HashSet<>();
        for (ProcedureDefinition p : procedures) {
            String where = scope + "程序 " + p.id();
            if (p.id() == null || !ids.add(p.id())) {
                problems.add(where + "：id 为空或重复");
            }
            if (knownIds != null && !knownIds.contains(p.id())) {
                problems.add(where + "：核心没有这个程序，变体只能替换已有程序");
            }
            if (p.source() == null || p.source().isBlank()) {
                problems.add(where + "：缺少出处（source）");
            }
            if (p.steps() == null || p.steps().isEmpty()) {
                problems.add(where + "：没有步骤");
                continue;
            }
            Set<String> earlier = new HashSet<>();
            for (ProcedureDefinition.Step s : p.steps()) {
                String at = where + " 步骤 " + s.id();
                if (s.id() == null || earlier.contains(s.id())) {
                    problems.add(at + "：id 为空或重复");
                }
                if (!Roles.isKnown(s.role())) {
                    problems.add(at + "：未知角色 " + s.role());
                }
                if (s.evidence() == null || s.evidence().isEmpty()) {
                    problems.add(at + "：未列出所需材料（evidence）");
                }
                for (ProcedureDefinition.Deadline d : s.deadlines()) {
                    if (!"start".equals(d.from()) && !earlier.contains(d.from())) {
                        problems.add(at + "：时限应从 start 或之前的步骤起算，而不是 " + d.from());
                    }
                    ParamType type = parameters.definition(d.param()).map(ParameterDefinition::type).orElse(null);
                    if (type != ParamType.DAYS && type != ParamType.WORKING_DAYS) {
                        problems.add(at + "：时限参数 " + d.param() + " 不是目录中的天数/工作日参数");
                    }
                    if (d.kind() == null) {
                        problems.add(at + "：时限缺少 kind（DEADLINE 或 MIN_DURATION）");
                    }
                }
                earlier.add(s.id());
            }
        }
    }
}
