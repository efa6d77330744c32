package cn.fpjc.ui.common;

import cn.fpjc.core.platform.plugin.ProvincePlugin;
import cn.fpjc.core.platform.plugin.ProvincePluginRegistry;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Documents whose wording a province plug-in may replace ({@code documentTemplate(name)} names a Qute template on its
 * classpath, given the same data as core's); core's own template otherwise. A template is parsed once.
 */
@ApplicationScoped
public class ProvinceDocuments {
    @Inject
    ProvincePluginRegistry plugins;

    @Inject
    Engine engine;

    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    public TemplateInstance template(TenantInfo tenant, String document, Supplier<TemplateInstance> core) {
        return plugins.find(tenant.provinceId()).flatMap(plugin -> plugin.documentTemplate(document)
                .map(path -> parsed.computeIfAbsent(path, x -> parse(plugin, path)).instance())).orElseGet(core);
    }

    private Template parse(ProvincePlugin plugin, String path) {
        try (var in = plugin.getClass().getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Province plug-in " + plugin.id() + ": template not found " + path);
            }
            return engine.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Province plug-in " + plugin.id() + ": cannot read " + path, e);
        }
    }
}
