package cn.fpjc.core.policy.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Source citations as people read them: document title and number, never a seed file number or a file name. */
class PolicySourcesTest {

    @Test
    void aSeedNumberBecomesTheDocumentsTitleAndNumber() {
        assertEquals("《2024年度巩固拓展脱贫攻坚成果业务指南》（黑农办发〔2024〕7号）“三保障”和饮水安全落实 一、医疗保障 3：低保对象",
                PolicySources.forPeople("000 “三保障”和饮水安全落实 一、医疗保障 3：低保对象"));
        assertEquals("《巩固拓展脱贫攻坚成果工作参考》（河南省乡村振兴局）第二部分二(二)",
                PolicySources.forPeople("001 第二部分二(二)"));
        assertEquals("《湖南省农业农村厅（省乡村振兴局）2024年巩固拓展脱贫攻坚成果工作要点》（湖南省农业农村厅办公室）一(一)：用好农户自主申报",
                PolicySources.forPeople("004 一(一)：用好农户自主申报"));
    }

    @Test
    void aRepeatedNumberOrTitleAfterTheSeedNumberIsShownOnce() {
        assertEquals("《信丰县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》（信巩字〔2024〕1号）二(二)5",
                PolicySources.forPeople("003 信巩字〔2024〕1号 二(二)5"));
        assertEquals("《民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》（民农领发〔2024〕9号）四、22",
                PolicySources.forPeople("002 民农领发〔2024〕9号 民勤县2024年巩固拓展脱贫攻坚成果工作要点 四、22"));
        assertEquals("《湖南省农业农村厅（省乡村振兴局）2024年巩固拓展脱贫攻坚成果工作要点》（湖南省农业农村厅办公室）二(六)",
                PolicySources.forPeople("004 湖南省2024年巩固拓展脱贫攻坚成果工作要点 二(六)"));
        // a part of the document keeps its name
        assertEquals("《民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》（民农领发〔2024〕9号）监测帮扶要点 二(二)4",
                PolicySources.forPeople("002 监测帮扶要点 二(二)4"));
    }

    @Test
    void nationalDefaultsReadAsNationalRulesWithoutFileNames() {
        assertEquals("国家统一规定；各省同，如《2024年度巩固拓展脱贫攻坚成果业务指南》（黑农办发〔2024〕7号）一(二)3(3)“公示期5天”",
                PolicySources.forPeople("国家默认（domain/PROVINCES.md）；各省同，如 000 一(二)3(3)“公示期5天”"));
        assertEquals("国家统一规定（脱贫人口小额信贷全国统一政策）；3年期（含）以内",
                PolicySources.forPeople("国家默认（domain/DOMAIN.md §3 Loans：脱贫人口小额信贷全国统一政策）；3年期（含）以内"));
        assertEquals("国家统一规定（帮扶计划：有劳动能力和意愿的至少一项开发式措施）",
                PolicySources.forPeople("国家默认（domain/DOMAIN.md §2 帮扶计划：有劳动能力和意愿的至少一项开发式措施）"));
        assertEquals("《中华人民共和国民法典》第二百零一条、第二百零三条（期间开始的当日不计入）",
                PolicySources.forPeople("民法典 第二百零一条、第二百零三条（期间开始的当日不计入）；DOMAIN.md §2 Counting days"));
        assertEquals("《2024年度巩固拓展脱贫攻坚成果业务指南》（黑农办发〔2024〕7号）一(二)3 纳入程序；《巩固拓展脱贫攻坚成果工作参考》（河南省乡村振兴局）第三部分一(二)2③④（国家规定的步骤）",
                PolicySources.forPeople("000 一(二)3 纳入程序；001 第三部分一(二)2③④（国家规定的步骤，DOMAIN.md §2）"));
    }

    @Test
    void textForPeopleAndNothingPassUnchanged() {
        String once = PolicySources.forPeople("002 监测帮扶要点 二(二)4");
        assertEquals(once, PolicySources.forPeople(once));
        assertEquals("省政府2025年文件", PolicySources.forPeople("省政府2025年文件"));
        assertEquals("1000 元", PolicySources.forPeople("1000 元"));
        assertNull(PolicySources.forPeople(null));
    }

    /** Every source in core's catalogue and national procedures reads without a seed number or a file name. */
    @Test
    void everySourceOfCoresFilesReadsForPeople() throws IOException {
        Pattern source = Pattern.compile("\"source\": \"([^\"]*)\"");
        List<String> bad = new ArrayList<>();
        int seen = 0;
        for (String file : List.of("/params/catalogue.json", "/procedures/national.json")) {
            try (InputStream in = PolicySourcesTest.class.getResourceAsStream(file)) {
                Matcher m = source.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    seen++;
                    String shown = PolicySources.forPeople(m.group(1));
                    if (Pattern.compile("(?<![0-9〔])00[0-4] |\\.md|domain/|§").matcher(shown).find()) {
                        bad.add(shown);
                    }
                }
            }
        }
        assertTrue(seen >= 15, "sources read: " + seen);
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        assertFalse(PolicySources.DOCUMENTS.isEmpty());
    }
}
