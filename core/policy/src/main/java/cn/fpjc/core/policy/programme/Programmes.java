package cn.fpjc.core.policy.programme;

import cn.fpjc.core.policy.PolicyError;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.plugin.ProvincePlugin;
import cn.fpjc.core.platform.plugin.ProvincePluginRegistry;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All programme modules on the class path, and which of them a county has: those its province
 * plug-in enables for it. Refuses to start when a province enables a programme that is not installed.
 */
@ApplicationScoped
public class Programmes {
    private final Map<String, Programme> byId = new LinkedHashMap<>();
    private final ProvincePluginRegistry plugins;

    @Inject
    TenantAccess access;

    @Inject
    public Programmes(Instance<Programme> programmes, ProvincePluginRegistry plugins) {
        this.plugins = plugins;
        List<Programme> all = programmes.stream().sorted(Comparator.comparing(Programme::id)).toList();
        List<String> problems = problems(all, plugins.all());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Programme modules: " + String.join("; ", problems));
        }
        all.forEach(p -> byId.put(p.id(), p));
    }

    /** What is wrong with this set of programmes and the provinces enabling them (empty when fine). */
    public static List<String> problems(Collection<Programme> programmes, Collection<ProvincePlugin> provinces) {
        List<String> problems = new ArrayList<>();
        Map<String, Programme> ids = new LinkedHashMap<>();
        for (Programme p : programmes) {
            if (p.id() == null || !p.id().matches("[a-z][a-z0-9-]{1,40}")) {
                problems.add("帮扶项目 id 格式不正确：" + p.id());
            } else if (ids.putIfAbsent(p.id(), p) != null) {
                problems.add("帮扶项目 id 重复：" + p.id());
            }
            p.changelog().ifPresent(path -> {
                if (p.getClass().getClassLoader().getResource(path) == null) {
                    problems.add("帮扶项目 " + p.id() + " 找不到 changelog：" + path);
                }
            });
        }
        for (ProvincePlugin province : provinces) {
            for (String id : province.programmes()) {
                if (!ids.containsKey(id)) {
                    problems.add("省份插件 " + province.id() + " 启用了未安装的帮扶项目 " + id);
                }
            }
        }
        return problems;
    }

    public Optional<Programme> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The programmes a county has, in id order. */
    public List<Programme> enabledFor(String provinceId, String countyCode) {
        Optional<ProvincePlugin> province = plugins.find(provinceId);
        if (province.isEmpty()) {
            return List.of();
        }
        return byId.values().stream().filter(p -> province.get().enablesProgramme(p.id(), countyCode)).toList();
    }

    /** For a programme's own resources: the current request's county must have it, or the answer is 404. */
    public Programme requireEnabled(String programmeId) {
        TenantInfo tenant = access.current();
        return enabledFor(tenant.provinceId(), tenant.code()).stream().filter(p -> p.id().equals(programmeId)).findFirst()
                .orElseThrow(() -> new ApiException(PolicyError.PROGRAMME_NOT_ENABLED, programmeId));
    }
}
