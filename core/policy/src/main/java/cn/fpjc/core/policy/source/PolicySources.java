package cn.fpjc.core.policy.source;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy documents the product implements, and how a source citation is shown to people.
 *
 * <p>Parameter, procedure and rule files cite a source document by its seed file number and section, e.g.
 * {@code 002 监测帮扶要点 二(二)4}, and national defaults name the domain note they were taken from
 * ({@code 国家默认（domain/PROVINCES.md）}). That is for developers. Anything a person reads — pages, 明白纸, notices,
 * refusals — shows the document by its official title and number instead:
 * {@code 《民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》（民农领发〔2024〕9号）监测帮扶要点 二(二)4}.
 * {@link #forPeople} does that rewrite; it is idempotent, so text already meant for people passes unchanged.
 */
public final class PolicySources {

    /**
     * One source document.
     *
     * @param seed its file number among the seeds ({@code 000}…)
     * @param number its 文号, null when the document carries none
     * @param repeats how raw citations sometimes repeat the document right after its seed number (its number, its title
     *        or a short form of it); left out when shown, the document being named already
     */
    public record Document(String seed, String issuer, String title, String number, List<String> repeats) {
        /** 《title》（文号）, or 《title》（issuer） for a document without a number. */
        public String citation() {
            return "《" + title + "》（" + (number == null ? issuer : number) + "）";
        }
    }

    /** The five documents (shared/seeds/README.md "How to cite them to people"). */
    public static final List<Document> DOCUMENTS = List.of(
            new Document("000", "中共黑龙江省委农村工作领导小组办公室", "2024年度巩固拓展脱贫攻坚成果业务指南", "黑农办发〔2024〕7号",
                    List.of("黑农办发〔2024〕7号")),
            new Document("001", "河南省乡村振兴局", "巩固拓展脱贫攻坚成果工作参考", null, List.of()),
            new Document("002", "中共民勤县委农村工作领导小组", "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点", "民农领发〔2024〕9号",
                    List.of("民农领发〔2024〕9号", "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点", "民勤县2024年巩固拓展脱贫攻坚成果工作要点")),
            new Document("003", "信丰县巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作领导小组", "信丰县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点",
                    "信巩字〔2024〕1号", List.of("信巩字〔2024〕1号")),
            new Document("004", "湖南省农业农村厅办公室", "湖南省农业农村厅（省乡村振兴局）2024年巩固拓展脱贫攻坚成果工作要点", null,
                    List.of("湖南省2024年巩固拓展脱贫攻坚成果工作要点")));

    /** A seed number where a citation names one: at the start or after a separator, followed by a space. */
    private static final Pattern SEED = Pattern.compile(" *(?<![0-9A-Za-z〔])(00[0-4]) +");
    /** A national default's note on where it was taken from: 国家默认（domain/PROVINCES.md）, 国家默认（domain/DOMAIN.md §3 Loans：…）. */
    private static final Pattern NATIONAL = Pattern.compile("国家默认（(?:domain/)?[A-Z]+\\.md(?: *§ *\\d+)?(?: *[A-Za-z][A-Za-z ]*)?(?:[：:] *)?([^）]*)）");
    /** Any other mention of a domain note: （国家规定的步骤，DOMAIN.md §2）, ；DOMAIN.md §2 Counting days. */
    private static final Pattern NOTE = Pattern.compile("[，,；;]? *(?:shared/)?(?:domain/)?[A-Z]+\\.md(?: *§ *\\d+)?(?: *[A-Za-z][A-Za-z ]*[A-Za-z])?");
    private static final Pattern CIVIL_CODE = Pattern.compile("^民法典 *");

    private PolicySources() {
    }

    /** The document a seed number names, if any. */
    public static java.util.Optional<Document> document(String seed) {
        return DOCUMENTS.stream().filter(d -> d.seed().equals(seed)).findFirst();
    }

    /**
     * A source citation as people read it: seed numbers become the document's title and number, a national default
     * reads 国家统一规定, and file names are left out. Null stays null.
     */
    public static String forPeople(String raw) {
        if (raw == null || raw.isBlank()) {
            return raw;
        }
        String text = NATIONAL.matcher(raw).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1).isBlank() ? "国家统一规定" : "国家统一规定（" + m.group(1).strip() + "）"));
        text = NOTE.matcher(text).replaceAll("");
        text = text.replace("（）", "");
        text = CIVIL_CODE.matcher(text).replaceFirst("《中华人民共和国民法典》");
        Matcher m = SEED.matcher(text);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find()) {
            Document d = document(m.group(1)).orElseThrow();
            out.append(text, from, m.start()).append(d.citation());
            from = skipRepeats(text, m.end(), d);
        }
        return out.append(text, from, text.length()).toString().strip();
    }

    private static int skipRepeats(String text, int at, Document d) {
        boolean skipped = true;
        while (skipped) {
            skipped = false;
            for (String r : d.repeats()) {
                if (text.startsWith(r, at)) {
                    at += r.length();
                    while (at < text.length() && text.charAt(at) == ' ') {
                        at++;
                    }
                    skipped = true;
                }
            }
        }
        return at;
    }
}
