package cn.fpjc.province.gansu;

import cn.fpjc.core.policy.contract.ProvincePluginContract;
import org.junit.jupiter.api.Test;

/** The shared plug-in contract (province-plugins/README.md): every province module runs it. */
class GansuProvincePluginContractTest {
    @Test
    void honoursTheProvincePluginContract() {
        ProvincePluginContract.verify(new GansuProvincePlugin());
    }
}
