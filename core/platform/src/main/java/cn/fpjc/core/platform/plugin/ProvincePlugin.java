package cn.fpjc.core.platform.plugin;

import java.util.Optional;
import java.util.Set;

/**
 * The province plug-in SPI. A plug-in is a CDI bean in its own jar (indexed through its
 * META-INF/beans.xml), discovered at build time and chosen per tenant at run time by the tenant's
 * province. Keep this interface small and stable: plug-ins depend on nothing else in core.
 */
public interface ProvincePlugin {
    /** Stable id, lower-case pinyin, e.g. "gansu"; stored in the tenant registry. */
    String id();

    /** The 2-digit GB/T 2260 province code; every county code of this province starts with it. */
    String provinceCode();

    /** Chinese name shown to people, e.g. 甘肃省. */
    String displayName();

    /**
     * Classpath location of the plug-in's own Liquibase changelog, applied to each of its tenants
     * after core's changelog. Tables it creates belong to the plug-in and should carry its prefix.
     */
    default Optional<String> changelog() {
        return Optional.empty();
    }

    /**
     * Classpath location of the plug-in's parameter file (JSON, see cn.fpjc.core.policy.param.ParameterFile):
     * versioned values by effective year, each citing its source, plus county overrides. Checked
     * against core's catalogue at startup and by {@link ProvincePluginContract}.
     */
    default Optional<String> parameters() {
        return Optional.empty();
    }

    /**
     * Classpath location of the plug-in's procedure variants (JSON, see
     * cn.fpjc.core.policy.procedure.ProcedureFile): step lists replacing core's national procedures of the
     * same id, for the whole province or for one county.
     */
    default Optional<String> procedures() {
        return Optional.empty();
    }

    /**
     * Classpath location of the plug-in's form extensions (JSON, see cn.fpjc.core.policy.form.FormExtensionFile):
     * extra fields on household, member, case, plan or programme forms, with validation.
     */
    default Optional<String> formExtensions() {
        return Optional.empty();
    }

    /**
     * Classpath location of the plug-in's own wording for a document (a Qute template given the same
     * data as core's), e.g. document "leaflet" (明白纸). Empty: core's template is used.
     */
    default Optional<String> documentTemplate(String document) {
        return Optional.empty();
    }

    /** Ids of the programme modules (cn.fpjc.core.policy.programme.Programme) this province enables. */
    default Set<String> programmes() {
        return Set.of();
    }

    /**
     * Whether one county has a programme; by default every county of the province that enables it.
     * Override for programmes limited to pilot counties.
     */
    default boolean enablesProgramme(String programmeId, String countyCode) {
        return programmes().contains(programmeId);
    }
}
