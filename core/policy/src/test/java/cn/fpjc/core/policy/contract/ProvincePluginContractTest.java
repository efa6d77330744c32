package cn.fpjc.core.policy.contract;

import cn.fpjc.core.platform.plugin.ProvincePlugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract kit itself: it must fail a plug-in whose parameters are unsourced, unknown or malformed. */
class ProvincePluginContractTest {

    static class BadPlugin implements ProvincePlugin {
        @Override
        public String id() {
            return "testprovince";
        }

        @Override
        public String provinceCode() {
            return "98";
        }

        @Override
        public String displayName() {
            return "测试省";
        }

        @Override
        public Optional<String> changelog() {
            return Optional.of("db/province/testprovince/missing.xml");
        }

        @Override
        public Optional<String> parameters() {
            return Optional.of("params/unsourced.json");
        }
    }

    /** A plug-in that ships only the procedure and form files it is given. */
    static class FilesOnlyPlugin extends BadPlugin {
        private final String procedures;
        private final String forms;

        FilesOnlyPlugin(String procedures, String forms) {
            this.procedures = procedures;
            this.forms = forms;
        }

        @Override
        public Optional<String> changelog() {
            return Optional.empty();
        }

        @Override
        public Optional<String> parameters() {
            return Optional.empty();
        }

        @Override
        public Optional<String> procedures() {
            return Optional.ofNullable(procedures);
        }

        @Override
        public Optional<String> formExtensions() {
            return Optional.ofNullable(forms);
        }
    }

    @Test
    void aPluginWithABrokenProcedureVariantFailsTheContract() {
        List<String> problems = ProvincePluginContract.problems(new FilesOnlyPlugin("procedures/bad.json", null));
        for (String expected : List.of("no-such-procedure：核心没有这个程序", "identification：缺少出处", "未知角色 mayor",
                "未列出所需材料", "不是 later", "monitoring.threshold 不是目录中的天数/工作日参数")) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " missing from " + problems);
        }
    }

    @Test
    void aPluginWithBrokenFormExtensionsFailsTheContract() {
        List<String> problems = ProvincePluginContract.problems(new FilesOnlyPlugin(null, "forms/bad.json"));
        for (String expected : List.of("未知表单 passport", "household.Bad Key：字段 key", "household.Bad Key：缺少中文名称",
                "household.kind：下拉选项为空", "household.kind：缺少出处", "household.code：pattern 不是正则表达式")) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " missing from " + problems);
        }
    }

    @Test
    void aPluginWithAnUnsourcedParameterFailsTheContract() {
        List<String> problems = ProvincePluginContract.problems(new BadPlugin());
        assertTrue(problems.stream().anyMatch(p -> p.contains("monitoring.village-notice-days") && p.contains("缺少出处")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("monitoring.no-such-key") && p.contains("目录中没有")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("monitoring.threshold") && p.contains("两位小数")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("410225") && p.contains("不是本省")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("找不到 changelog")), problems.toString());
        assertEquals(5, problems.size(), problems.toString());
        AssertionError error = assertThrows(AssertionError.class, () -> ProvincePluginContract.verify(new BadPlugin()));
        assertTrue(error.getMessage().contains("缺少出处"));
    }
}
