package cn.fpjc.core.platform.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** All province plug-ins on the classpath, by id; refuses to start on duplicate ids or province codes. */
@ApplicationScoped
public class ProvincePluginRegistry {
    private final Map<String, ProvincePlugin> byId;

    @Inject
    public ProvincePluginRegistry(Instance<ProvincePlugin> plugins) {
        Map<String, ProvincePlugin> map = new LinkedHashMap<>();
        Map<String, String> provinceCodes = new LinkedHashMap<>();
        plugins.stream().sorted(Comparator.comparing(ProvincePlugin::provinceCode)).forEach(p -> {
            if (!p.id().matches("[a-z][a-z0-9-]{1,30}") || !p.provinceCode().matches("\\d{2}")) {
                throw new IllegalStateException("Province plug-in " + p.getClass().getName() + " has a malformed id or province code");
            }
            if (map.putIfAbsent(p.id(), p) != null) {
                throw new IllegalStateException("Two province plug-ins claim id " + p.id());
            }
            String other = provinceCodes.putIfAbsent(p.provinceCode(), p.id());
            if (other != null) {
                throw new IllegalStateException("Province plug-ins " + other + " and " + p.id() + " claim province code " + p.provinceCode());
            }
        });
        this.byId = Collections.unmodifiableMap(map);
    }

    public Optional<ProvincePlugin> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Collection<ProvincePlugin> all() {
        return byId.values();
    }
}
