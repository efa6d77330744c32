package cn.fpjc.core.registry.importing;

import cn.fpjc.core.policy.form.FormField;
import cn.fpjc.core.registry.IdNumber;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The import template: a 农户信息 sheet with exactly the headers the import matches (province extra fields
 * included), the ID column formatted as text; a 填写说明 sheet with every column's rule and a worked
 * example household; and the villages the user may import into, with their codes.
 */
final class ImportTemplate {
    static final int TEXT_ROWS = 5000;

    private ImportTemplate() {
    }

    static List<String> headers(List<FormField> householdFields, List<FormField> memberFields) {
        List<String> headers = new ArrayList<>();
        for (ImportColumn c : ImportColumn.values()) {
            headers.add(c.templateHeader());
        }
        householdFields.forEach(f -> headers.add(ImportRowParser.HOUSEHOLD_EXTRA_PREFIX + f.label() + (f.required() ? "*" : "")));
        memberFields.forEach(f -> headers.add(ImportRowParser.MEMBER_EXTRA_PREFIX + f.label() + (f.required() ? "*" : "")));
        return headers;
    }

    static void write(String countyCode, String countyName, Map<String, String> villages, List<FormField> householdFields,
            List<FormField> memberFields, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "fpjc", "1.0");
        Worksheet data = wb.newWorksheet("农户信息");
        List<String> headers = headers(householdFields, memberFields);
        for (int i = 0; i < headers.size(); i++) {
            data.value(0, i, headers.get(i));
            data.style(0, i).bold().fillColor(headers.get(i).endsWith("*") ? "FCE4D6" : "DDEBF7").set();
            data.width(i, Math.max(10, headers.get(i).length() * 2.2));
        }
        int idColumn = ImportColumn.ID_NUMBER.ordinal();
        data.range(1, idColumn, TEXT_ROWS, idColumn).style().format("@").set();
        data.range(1, ImportColumn.HOUSEHOLD_NO.ordinal(), TEXT_ROWS, ImportColumn.HOUSEHOLD_NO.ordinal()).style().format("@").set();
        data.range(1, ImportColumn.VILLAGE.ordinal(), TEXT_ROWS, ImportColumn.VILLAGE.ordinal()).style().format("@").set();
        data.freezePane(0, 1);

        Worksheet help = wb.newWorksheet("填写说明");
        help.value(0, 0, countyName + "农户信息导入模板（每行一人，同一户的成员填同一个户编号）");
        help.style(0, 0).bold().fontSize(13).set();
        String[] notes = { "带*的列必须有；户主行须填所在村和户类型，其他成员行的户信息可留空（如填写须与户主行一致）。",
                "收入填写在户主所在行；不填收入年度则不导入收入。人均纯收入由系统按（各项收入之和−合规自付支出）÷在册人口计算。",
                "同一个文件可以反复导入：已登记且信息一致的户不会重复写入；与系统不一致的户会被列为错误，请在系统中修改。",
                "导入前可选择“仅校验”，查看结果报告后再确认导入；也可选择“全部无误才导入”或“只导入无误的户”。" };
        for (int i = 0; i < notes.length; i++) {
            help.value(1 + i, 0, notes[i]);
        }
        int row = 6;
        String[] columns = { "列名", "是否必填", "说明", "示例（户主）", "示例（配偶）" };
        for (int i = 0; i < columns.length; i++) {
            help.value(row, i, columns[i]);
            help.style(row, i).bold().fillColor("DDEBF7").set();
        }
        String village = villages.isEmpty() ? "" : villages.keySet().iterator().next();
        String headId = exampleId(countyCode, "19780312", "011");
        String spouseId = exampleId(countyCode, "19800705", "022");
        for (ImportColumn c : ImportColumn.values()) {
            row++;
            help.value(row, 0, c.header());
            help.value(row, 1, switch (c.scope()) {
                case ALL_ROWS -> "每行必填";
                case HEAD_ROW -> "户主行必填";
                case INCOME -> "有收入数据时在户主行填写";
                case OPTIONAL -> "选填";
            });
            help.value(row, 2, c.help());
            String headExample = switch (c) {
                case VILLAGE -> village;
                case ID_NUMBER -> headId;
                default -> c.example();
            };
            String spouseExample = switch (c) {
                case HOUSEHOLD_NO -> c.example();
                case NAME -> "李四";
                case ID_NUMBER -> spouseId;
                case RELATION -> "配偶";
                case LABOUR, HEALTH, MEDICAL_INSURED, PENSION_INSURED -> c.example();
                default -> "";
            };
            help.value(row, 3, headExample);
            help.value(row, 4, spouseExample);
        }
        for (FormField f : householdFields) {
            row++;
            help.value(row, 0, ImportRowParser.HOUSEHOLD_EXTRA_PREFIX + f.label());
            help.value(row, 1, f.required() ? "户主行必填（本省字段）" : "选填（本省字段）");
            help.value(row, 2, describe(f));
        }
        for (FormField f : memberFields) {
            row++;
            help.value(row, 0, ImportRowParser.MEMBER_EXTRA_PREFIX + f.label());
            help.value(row, 1, f.required() ? "每行必填（本省字段）" : "选填（本省字段）");
            help.value(row, 2, describe(f));
        }
        help.value(row + 2, 0, "示例中的身份证号是按校验规则编造的，不属于任何人。");
        help.width(0, 18);
        help.width(1, 22);
        help.width(2, 60);
        help.width(3, 22);
        help.width(4, 22);

        Worksheet list = wb.newWorksheet("村名与代码");
        list.value(0, 0, "村名");
        list.value(0, 1, "区划代码");
        list.style(0, 0).bold().set();
        list.style(0, 1).bold().set();
        int r = 1;
        for (Map.Entry<String, String> v : villages.entrySet()) {
            list.value(r, 0, v.getValue());
            list.value(r, 1, v.getKey());
            r++;
        }
        list.width(0, 20);
        list.width(1, 16);
        wb.finish();
    }

    private static String describe(FormField f) {
        return switch (f.type()) {
            case NUMBER -> "数字";
            case MONEY -> "金额（元）";
            case DATE -> "日期，如 2024-01-31";
            case BOOLEAN -> "是/否";
            case SELECT -> "可选：" + String.join("/", f.options() == null ? List.of() : f.options());
            default -> "文字";
        };
    }

    /** A checksum-valid ID number of the county's region that the template can show (sequence numbers chosen, not anyone's). */
    static String exampleId(String countyCode, String birth, String sequence) {
        String first17 = countyCode + birth + sequence;
        return first17 + IdNumber.checkChar(first17);
    }
}
