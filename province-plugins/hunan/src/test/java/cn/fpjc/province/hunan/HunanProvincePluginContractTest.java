package cn.fpjc.province.hunan;

import cn.fpjc.core.policy.contract.ProvincePluginContract;
import org.junit.jupiter.api.Test;

/** The shared plug-in contract (province-plugins/README.md): every province module runs it. */
class HunanProvincePluginContractTest {
    @Test
    void honoursTheProvincePluginContract() {
        ProvincePluginContract.verify(new HunanProvincePlugin());
    }
}
