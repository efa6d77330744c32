package cn.fpjc.province.testexample;

import cn.fpjc.core.platform.plugin.ProvincePlugin;
import cn.fpjc.programme.examplegarden.ExampleGardenProgramme;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/** Test-only example province (code 98) from the plug-in author guide: one parameter, one programme. */
@ApplicationScoped
public class ExampleProvincePlugin implements ProvincePlugin {
    public static final String ID = "testexample";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String provinceCode() {
        return "98";
    }

    @Override
    public String displayName() {
        return "示例省（测试）";
    }

    @Override
    public Optional<String> parameters() {
        return Optional.of("params/testexample.json");
    }

    @Override
    public Optional<String> formExtensions() {
        return Optional.of("forms/testexample.json");
    }

    @Override
    public Optional<String> documentTemplate(String document) {
        return "leaflet".equals(document) ? Optional.of("documents/testexample/leaflet.html") : Optional.empty();
    }

    @Override
    public Set<String> programmes() {
        return Set.of(ExampleGardenProgramme.ID);
    }
}
