package cn.fpjc.province.heilongjiang;

import cn.fpjc.core.policy.contract.ProvincePluginContract;
import org.junit.jupiter.api.Test;

/** The shared plug-in contract (province-plugins/README.md): every province module runs it. */
class HeilongjiangProvincePluginContractTest {
    @Test
    void honoursTheProvincePluginContract() {
        ProvincePluginContract.verify(new HeilongjiangProvincePlugin());
    }
}
