package cn.fpjc.province.henan;

import cn.fpjc.core.platform.plugin.ProvincePlugin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** 河南省 (henan). Policy source: shared/seeds/001_*.txt (see seeds/README.md). */
@ApplicationScoped
public class HenanProvincePlugin implements ProvincePlugin {
    @Override
    public String id() {
        return "henan";
    }

    @Override
    public String provinceCode() {
        return "41";
    }

    @Override
    public String displayName() {
        return "河南省";
    }

    @Override
    public Optional<String> changelog() {
        return Optional.of("db/province/henan/changelog.xml");
    }

    @Override
    public Optional<String> parameters() {
        return Optional.of("params/henan.json");
    }
}
