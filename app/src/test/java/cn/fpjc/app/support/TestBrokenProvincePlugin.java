package cn.fpjc.app.support;

import cn.fpjc.core.platform.plugin.ProvincePlugin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Test-only plug-in whose changelog always fails, to prove one broken tenant leaves the others serving. */
@ApplicationScoped
public class TestBrokenProvincePlugin implements ProvincePlugin {
    public static final String ID = "testbroken";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String provinceCode() {
        return "99";
    }

    @Override
    public String displayName() {
        return "测试用故障省";
    }

    @Override
    public Optional<String> changelog() {
        return Optional.of("db/province/testbroken/changelog.xml");
    }
}
