package cn.fpjc.core.policy.procedure;

import java.util.List;
import java.util.Map;

/** Core's national procedures, or a province plug-in's variants (province-wide and per county). */
public record ProcedureFile(List<ProcedureDefinition> procedures, Map<String, County> counties) {

    public record County(String name, List<ProcedureDefinition> procedures) {
    }

    public List<ProcedureDefinition> procedures() {
        return procedures == null ? List.of() : procedures;
    }

    public Map<String, County> counties() {
        return counties == null ? Map.of() : counties;
    }
}
