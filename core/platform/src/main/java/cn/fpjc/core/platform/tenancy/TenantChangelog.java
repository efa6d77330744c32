package cn.fpjc.core.platform.tenancy;

/**
 * A core module's own Liquibase changelog for every county database (Keycloak's "each provider owns its
 * changelog"). The control plane applies them in ascending {@link #order()} — the modules' dependency
 * order — before the province plug-in's changelog, so a module's changeSets may refer to tables of the
 * modules it depends on, never to later ones.
 */
public interface TenantChangelog {
    /** Classpath location, e.g. {@code db/registry/changelog.xml}. */
    String path();

    /** Position in the dependency order: platform 100, policy 200, registry 300, monitoring 400, … */
    int order();
}
