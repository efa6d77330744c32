package cn.fpjc.core.policy.procedure;

import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParamType;
import cn.fpjc.core.platform.plugin.PluginFiles;
import cn.fpjc.core.platform.plugin.ProvincePlugin;
import cn.fpjc.core.platform.plugin.ProvincePluginRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The procedures a county follows: its own variant from its province plug-in, else the province's,
 * else core's national one — chosen per procedure id. Deadlines are resolved against the county's
 * parameters for a year, so a step shows "5 working days (民勤县 2024, source …)".
 */
@ApplicationScoped
public class EffectiveProcedures {
    private final ProcedureFile national = ProcedureCatalogue.national();
    private final Map<String, ProcedureFile> variants;

    @Inject
    EffectiveParameters parameters;

    public enum Origin {
        NATIONAL("国家规定"), PROVINCE("省级规定"), COUNTY("本县规定");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record ResolvedDeadline(String from, String fromLabel, String param, String paramLabel, ProcedureDefinition.Deadline.Kind kind,
            Integer amount, String unit, String source) {
    }

    public record ResolvedStep(String id, String label, String role, List<String> evidence, List<ResolvedDeadline> deadlines) {
    }

    public record ResolvedProcedure(String id, String label, String source, Origin origin, String originLabel, List<ResolvedStep> steps) {
    }

    @Inject
    public EffectiveProcedures(ProvincePluginRegistry plugins, EffectiveParameters parameters) {
        Set<String> known = national.procedures().stream().map(ProcedureDefinition::id).collect(Collectors.toSet());
        this.variants = PluginFiles.loadAll(plugins.all(), "procedures", ProvincePlugin::procedures, ProcedureFile.class,
                (plugin, file) -> ProcedureCatalogue.problems(file, parameters.catalogue(), known, plugin.provinceCode()));
    }

    public List<ResolvedProcedure> resolveAll(String provinceId, String countyCode, int year) {
        return national.procedures().stream().map(p -> resolve(provinceId, countyCode, p.id(), year)).toList();
    }

    public ResolvedProcedure resolve(String provinceId, String countyCode, String procedureId, int year) {
        ProcedureFile file = variants.get(provinceId);
        Origin origin = Origin.NATIONAL;
        ProcedureDefinition chosen = find(national.procedures(), procedureId).orElseThrow();
        if (file != null) {
            Optional<ProcedureDefinition> province = find(file.procedures(), procedureId);
            if (province.isPresent()) {
                chosen = province.get();
                origin = Origin.PROVINCE;
            }
            ProcedureFile.County county = file.counties().get(countyCode);
            Optional<ProcedureDefinition> own = county == null ? Optional.empty() : find(county.procedures(), procedureId);
            if (own.isPresent()) {
                chosen = own.get();
                origin = Origin.COUNTY;
            }
        }
        Map<String, String> stepLabels = chosen.steps().stream()
                .collect(Collectors.toMap(ProcedureDefinition.Step::id, ProcedureDefinition.Step::label));
        List<ResolvedStep> steps = chosen.steps().stream().map(s -> new ResolvedStep(s.id(), s.label(), s.role(), s.evidence(),
                s.deadlines().stream().map(d -> {
                    EffectiveParameter p = parameters.resolve(provinceId, countyCode, d.param(), year);
                    return new ResolvedDeadline(d.from(), "start".equals(d.from()) ? "开始（收到线索/申报）" : stepLabels.get(d.from()),
                            d.param(), p.label(), d.kind(), p.value() == null ? null : Integer.valueOf(p.value()),
                            p.type() == ParamType.WORKING_DAYS ? "工作日" : "天", p.source());
                }).toList())).toList();
        return new ResolvedProcedure(chosen.id(), chosen.label(), chosen.source(), origin, origin.label(), steps);
    }

    private static Optional<ProcedureDefinition> find(List<ProcedureDefinition> procedures, String id) {
        return procedures.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
