package cn.fpjc.province.gansu;

import cn.fpjc.core.platform.plugin.ProvincePlugin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** 甘肃省 (gansu). Policy source: shared/seeds/002_*.txt (see seeds/README.md). */
@ApplicationScoped
public class GansuProvincePlugin implements ProvincePlugin {
    @Override
    public String id() {
        return "gansu";
    }

    @Override
    public String provinceCode() {
        return "62";
    }

    @Override
    public String displayName() {
        return "甘肃省";
    }

    @Override
    public Optional<String> changelog() {
        return Optional.of("db/province/gansu/changelog.xml");
    }

    @Override
    public Optional<String> parameters() {
        return Optional.of("params/gansu.json");
    }

    @Override
    public Optional<String> procedures() {
        return Optional.of("procedures/gansu.json");
    }
}
