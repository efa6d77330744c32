package cn.fpjc.app.param;

import static cn.fpjc.app.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PROVINCES.md, transcribed by hand into {@code provinces-md-2024.tsv} (one line per cell of its tables),
 * checked against what 本县执行参数 answers for each demo county in 2024: value and origin
 * (national default, province value or county override). All mismatches of a county are reported at once.
 */
@QuarkusTest
class ProvincesTranscriptionTest {

    record Row(int line, String county, String key, String expected, String origin, String match, String row) {
    }

    static List<Row> rows(String county) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ProvincesTranscriptionTest.class.getResourceAsStream("/provinces-md-2024.tsv"), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 6) {
                    throw new IllegalStateException("provinces-md-2024.tsv line " + n + " has " + f.length + " columns");
                }
                if (f[0].equals(county)) {
                    rows.add(new Row(n, f[0], f[1], f[2], f[3], f[4], f[5]));
                }
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "230129, 延寿县 (heilongjiang), yanshou.clerk",
            "410225, 兰考县 (henan), lankao.clerk",
            "620621, 民勤县 (gansu), minqin.clerk",
            "360722, 信丰县 (jiangxi), xinfeng.clerk",
            "433124, 花垣县 (hunan), huayuan.clerk" })
    void effectiveParametersFor2024EqualProvincesMd(String county, String name, String user) throws IOException {
        List<Row> rows = rows(county);
        assertTrue(rows.size() >= 10, "too few transcribed rows for " + county + ": " + rows.size());
        List<Map<String, Object>> params = JsonPath.from(as(user).queryParam("year", 2024)
                .get("/api/counties/" + county + "/parameters").then().statusCode(200).extract().asString()).getList("$");
        List<String> problems = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> p = params.stream().filter(m -> r.key().equals(m.get("key"))).findFirst().orElse(null);
            if (p == null) {
                problems.add("line " + r.line() + " " + r.key() + ": not in the catalogue (" + r.row() + ")");
                continue;
            }
            Object value = p.get("value");
            boolean valueOk = switch (r.match()) {
                case "eq" -> r.expected().equals(value);
                case "has" -> value != null && value.toString().contains(r.expected());
                case "unset" -> value == null;
                default -> throw new IllegalStateException("line " + r.line() + ": unknown match " + r.match());
            };
            if (!valueOk || !r.origin().equals(p.get("origin"))) {
                problems.add("line " + r.line() + " " + r.key() + ": expected " + r.match() + " '" + r.expected() + "' from "
                        + r.origin() + ", got '" + value + "' from " + p.get("origin") + " (" + r.row() + ")");
            }
        }
        assertTrue(problems.isEmpty(), name + " differs from PROVINCES.md:\n" + String.join("\n", problems));
    }
}
