package cn.fpjc.app.registry;

import cn.fpjc.core.registry.IdNumber;
import cn.fpjc.core.registry.importing.ImportColumn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds import files for tests: rows of the template's columns, written as CSV or xlsx. */
final class ImportFile {
    final List<Map<ImportColumn, Object>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>();

    ImportFile() {
        for (ImportColumn c : ImportColumn.values()) {
            header.add(c.templateHeader());
        }
    }

    /** A member row; {@code head} rows carry the household columns. Further columns via {@link #set}. */
    ImportFile person(String householdNo, String village, String name, String id, String relation) {
        Map<ImportColumn, Object> r = new EnumMap<>(ImportColumn.class);
        r.put(ImportColumn.HOUSEHOLD_NO, householdNo);
        if ("户主".equals(relation)) {
            r.put(ImportColumn.VILLAGE, village);
            r.put(ImportColumn.CATEGORY, "一般农户");
            r.put(ImportColumn.ADDRESS, "一组1号");
        }
        r.put(ImportColumn.NAME, name);
        r.put(ImportColumn.ID_NUMBER, id);
        r.put(ImportColumn.RELATION, relation);
        r.put(ImportColumn.LABOUR, "普通劳动力");
        r.put(ImportColumn.HEALTH, "健康");
        r.put(ImportColumn.MEDICAL_INSURED, "是");
        rows.add(r);
        return this;
    }

    /** Sets a column of the last row (null clears it). */
    ImportFile set(ImportColumn c, Object value) {
        if (value == null) {
            rows.get(rows.size() - 1).remove(c);
        } else {
            rows.get(rows.size() - 1).put(c, value);
        }
        return this;
    }

    ImportFile income(int year, String wage, String production, String property, String transfer, String expenses) {
        set(ImportColumn.INCOME_YEAR, String.valueOf(year));
        set(ImportColumn.WAGE, wage);
        set(ImportColumn.PRODUCTION_NET, production);
        set(ImportColumn.PROPERTY, property);
        set(ImportColumn.TRANSFER, transfer);
        return set(ImportColumn.EXPENSES, expenses);
    }

    /** A family of {@code size}: head, spouse, then children; IDs from {@code ids}. */
    ImportFile family(String householdNo, String village, int size, IdSource ids) {
        String suffix = han(householdNo);
        person(householdNo, village, "户主" + suffix, ids.next(), "户主");
        for (int i = 1; i < size; i++) {
            person(householdNo, village, (i == 1 ? "配偶" : "子女") + suffix, ids.next(), i == 1 ? "配偶" : "子女");
        }
        return this;
    }

    /** The digits of a household number as Chinese numerals (names may not contain digits). */
    static String han(String householdNo) {
        StringBuilder b = new StringBuilder();
        for (char c : householdNo.toCharArray()) {
            if (Character.isDigit(c)) {
                b.append("零一二三四五六七八九".charAt(c - '0'));
            }
        }
        return b.toString();
    }

    /** The rows' ID numbers, in file order. */
    List<String> ids() {
        return rows.stream().map(r -> String.valueOf(r.get(ImportColumn.ID_NUMBER))).toList();
    }

    byte[] csv() {
        return csv(StandardCharsets.UTF_8, true);
    }

    byte[] csv(Charset charset, boolean bom) {
        StringBuilder b = new StringBuilder(bom ? "\uFEFF" : "");
        b.append(String.join(",", header)).append("\r\n");
        for (Map<ImportColumn, Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (ImportColumn c : ImportColumn.values()) {
                Object v = r.get(c);
                String t = v == null ? "" : v.toString();
                cells.add(t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r") ? "\"" + t.replace("\"", "\"\"") + "\"" : t);
            }
            b.append(String.join(",", cells)).append("\r\n");
        }
        return b.toString().getBytes(charset);
    }

    /** As xlsx; values that are {@link Number}s are written as numeric cells (as Excel stores them). */
    byte[] xlsx() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("农户信息");
            for (int i = 0; i < header.size(); i++) {
                ws.value(0, i, header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                for (ImportColumn c : ImportColumn.values()) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        ws.value(r + 1, c.ordinal(), n);
                    } else if (v != null) {
                        ws.value(r + 1, c.ordinal(), v.toString());
                    }
                }
            }
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Distinct valid fictional ID numbers: region {@code region}, birth dates walking from 1950, three per day. */
    static final class IdSource {
        private final String region;
        private int n;

        IdSource(String region) {
            this.region = region;
        }

        String next() {
            int i = n++;
            String birth = java.time.LocalDate.of(1950, 1, 1).plusDays(i / 3).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            String first17 = region + birth + String.format("%03d", 100 + i % 3);
            return first17 + IdNumber.checkChar(first17);
        }
    }
}
