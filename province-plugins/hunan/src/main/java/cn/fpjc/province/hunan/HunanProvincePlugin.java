package cn.fpjc.province.hunan;

import cn.fpjc.core.platform.plugin.ProvincePlugin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** 湖南省 (hunan). Policy source: shared/seeds/004_*.txt (see seeds/README.md). */
@ApplicationScoped
public class HunanProvincePlugin implements ProvincePlugin {
    @Override
    public String id() {
        return "hunan";
    }

    @Override
    public String provinceCode() {
        return "43";
    }

    @Override
    public String displayName() {
        return "湖南省";
    }

    @Override
    public Optional<String> changelog() {
        return Optional.of("db/province/hunan/changelog.xml");
    }

    @Override
    public Optional<String> parameters() {
        return Optional.of("params/hunan.json");
    }
}
