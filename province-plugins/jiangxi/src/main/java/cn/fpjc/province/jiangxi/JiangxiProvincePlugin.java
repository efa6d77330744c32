package cn.fpjc.province.jiangxi;

import cn.fpjc.core.platform.plugin.ProvincePlugin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** 江西省 (jiangxi). Policy source: shared/seeds/003_*.txt (see seeds/README.md). */
@ApplicationScoped
public class JiangxiProvincePlugin implements ProvincePlugin {
    @Override
    public String id() {
        return "jiangxi";
    }

    @Override
    public String provinceCode() {
        return "36";
    }

    @Override
    public String displayName() {
        return "江西省";
    }

    @Override
    public Optional<String> changelog() {
        return Optional.of("db/province/jiangxi/changelog.xml");
    }

    @Override
    public Optional<String> parameters() {
        return Optional.of("params/jiangxi.json");
    }
}
