package cn.fpjc.province.heilongjiang;

import cn.fpjc.core.platform.plugin.ProvincePlugin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** 黑龙江省 (heilongjiang). Policy source: shared/seeds/000_*.txt (see seeds/README.md). */
@ApplicationScoped
public class HeilongjiangProvincePlugin implements ProvincePlugin {
    @Override
    public String id() {
        return "heilongjiang";
    }

    @Override
    public String provinceCode() {
        return "23";
    }

    @Override
    public String displayName() {
        return "黑龙江省";
    }

    @Override
    public Optional<String> changelog() {
        return Optional.of("db/province/heilongjiang/changelog.xml");
    }

    @Override
    public Optional<String> parameters() {
        return Optional.of("params/heilongjiang.json");
    }
}
