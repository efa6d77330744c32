package cn.fpjc.core.registry.importing;

import cn.fpjc.core.platform.text.Inputs;
import cn.fpjc.core.platform.files.TableReader;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.policy.form.FormExtensions;
import cn.fpjc.core.policy.form.FormField;
import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.IdNumber;
import cn.fpjc.core.registry.IncomeRecord;
import cn.fpjc.core.registry.Member;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.registry.MemberRules;
import cn.fpjc.core.registry.RegistryRequests.MemberInput;
import cn.fpjc.core.registry.Relation;
import cn.fpjc.core.platform.files.TableReader.Cell;
import cn.fpjc.core.platform.security.OrgScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one file row into a {@link StagedRow}, checking everything a single row can show: the ID number's
 * checksum, the village, enumerations, numbers and dates, the member rules shared with the API
 * ({@link MemberRules}), and the province's extra fields. Checks that need other rows or the registry run
 * later in SQL ({@link ImportStaging}). Messages are Chinese and name the column; they never repeat an ID number.
 */
final class ImportRowParser {
    static final String HOUSEHOLD_EXTRA_PREFIX = "户：";
    static final String MEMBER_EXTRA_PREFIX = "成员：";
    private static final Pattern VILLAGE_CODE = Pattern.compile("\\d{12}");
    private static final Pattern DATE_SERIAL = Pattern.compile("\\d{5}(\\.\\d+)?");
    private static final Pattern DATE_DIGITS = Pattern.compile("\\d{8}");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Map<String, String> MEMBER_FIELD_COLUMNS = Map.of("name", "姓名", "relation", "与户主关系", "labour", "劳动能力",
            "health", "健康状况", "schooling", "在校生情况", "employmentPlace", "务工地点", "disabilityGrade", "残疾等级", "illness", "病种",
            "employmentMonths", "务工月数");

    /** What the parser needs to know about the county and the person importing. */
    record Context(String countyCode, String provinceId, String orgScope, Map<String, String> villageNamesByCode,
            List<FormField> householdFields, List<FormField> memberFields, FormExtensions forms, LocalDate today) {
        int thisYear() {
            return today.getYear();
        }
    }

    private final Context context;
    private final Map<String, List<String>> villagesByName = new LinkedHashMap<>();
    private final Map<ImportColumn, Integer> columns = new EnumMap<>(ImportColumn.class);
    private final Map<FormField, Integer> householdExtras = new LinkedHashMap<>();
    private final Map<FormField, Integer> memberExtras = new LinkedHashMap<>();
    private final List<String> ignoredHeaders = new ArrayList<>();

    ImportRowParser(Context context) {
        this.context = context;
        context.villageNamesByCode().forEach((code, name) -> villagesByName.computeIfAbsent(name, n -> new ArrayList<>()).add(code));
    }

    /** Reads the header row; returns the file-level problems (missing columns), empty when the header is usable. */
    List<String> header(List<Cell> cells) {
        Map<String, ImportColumn> byHeader = new LinkedHashMap<>();
        for (ImportColumn c : ImportColumn.values()) {
            byHeader.put(c.header(), c);
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String h = ImportColumn.normalise(cells.get(i).text());
            if (h.isEmpty()) {
                continue;
            }
            ImportColumn c = byHeader.get(h);
            FormField hx = extra(context.householdFields(), HOUSEHOLD_EXTRA_PREFIX, h);
            FormField mx = extra(context.memberFields(), MEMBER_EXTRA_PREFIX, h);
            if (c != null) {
                if (columns.putIfAbsent(c, i) != null) {
                    problems.add("表头「" + c.header() + "」出现了两次");
                }
            } else if (hx != null) {
                householdExtras.put(hx, i);
            } else if (mx != null) {
                memberExtras.put(mx, i);
            } else {
                ignoredHeaders.add(h);
            }
        }
        List<String> missing = ImportColumn.required().stream().filter(c -> !columns.containsKey(c)).map(ImportColumn::header).toList();
        if (!missing.isEmpty()) {
            problems.add("表头缺少必填列：" + String.join("、", missing) + "。请下载导入模板，按模板的表头填写");
        }
        return problems;
    }

    /** Header cells that matched no column; they are ignored, and the job says so. */
    List<String> ignoredHeaders() {
        return ignoredHeaders;
    }

    private static FormField extra(List<FormField> fields, String prefix, String header) {
        if (!header.startsWith(ImportColumn.normalise(prefix))) {
            return null;
        }
        String label = header.substring(ImportColumn.normalise(prefix).length());
        return fields.stream().filter(f -> ImportColumn.normalise(f.label()).equals(label)).findFirst().orElse(null);
    }

    StagedRow parse(int rowNo, List<Cell> cells) {
        StagedRow r = new StagedRow();
        r.rowNo = rowNo;
        r.cells = reportCells(cells);
        List<String> e = r.errors;

        r.householdNo = text(cells, ImportColumn.HOUSEHOLD_NO);
        if (r.householdNo == null) {
            e.add("「户编号」必填");
        } else if (!RegistryService.HOUSEHOLD_NO.matcher(r.householdNo).matches()) {
            e.add("「户编号」应为4—32位数字、字母或连字符");
            r.householdNo = null;
        }

        // The member: the same rules as the API, field names mapped back to column headers.
        MemberInput input = new MemberInput(text(cells, ImportColumn.NAME), null, text(cells, ImportColumn.RELATION),
                text(cells, ImportColumn.LABOUR), text(cells, ImportColumn.HEALTH),
                integer(cells, ImportColumn.DISABILITY_GRADE, 0, 9, e), text(cells, ImportColumn.DISABILITY_TYPE),
                text(cells, ImportColumn.ILLNESS), text(cells, ImportColumn.SCHOOLING), text(cells, ImportColumn.EMPLOYMENT_PLACE),
                integer(cells, ImportColumn.EMPLOYMENT_MONTHS, 0, 99, e), bool(cells, ImportColumn.MEDICAL_INSURED, e),
                bool(cells, ImportColumn.PENSION_INSURED, e), null, null);
        Member m = new Member();
        List<FieldError> memberErrors = new ArrayList<>();
        MemberRules.apply(m, input, "", memberErrors);
        memberErrors.forEach(f -> e.add("「" + MEMBER_FIELD_COLUMNS.getOrDefault(f.field(), f.field()) + "」" + f.message()));
        r.name = m.name == null || m.name.isEmpty() ? null : m.name;
        r.relation = name(m.relation);
        r.labour = name(m.labour);
        r.health = name(m.health);
        r.disabilityGrade = m.disabilityGrade;
        r.disabilityType = m.disabilityType;
        r.illness = m.illness;
        r.schooling = name(m.schooling);
        r.employmentPlace = name(m.employmentPlace);
        r.employmentMonths = m.employmentMonths;
        r.medicalInsured = m.medicalInsured;
        r.pensionInsured = m.pensionInsured;
        r.memberExtraJson = extras("member", context.memberFields(), memberExtras, cells, e);

        Cell id = cell(cells, ImportColumn.ID_NUMBER);
        if (id.isBlank()) {
            e.add("「身份证号」必填");
        } else if (id.numeric()) {
            e.add("「身份证号」被Excel存成了数字，后几位已经丢失：请把这一列设为文本格式，重新填写号码后再导入");
        } else {
            try {
                IdNumber parsed = IdNumber.parse(id.text(), context.today());
                r.id = parsed;
                r.idMasked = parsed.masked();
                r.birthDate = parsed.birthDate();
                r.sex = parsed.sex();
            } catch (IdNumber.Invalid ex) {
                e.add("「身份证号」" + ex.getMessage().replaceFirst("^身份证号", ""));
            }
        }

        boolean head = m.relation == Relation.HEAD;
        String village = text(cells, ImportColumn.VILLAGE);
        if (village != null) {
            r.villageCode = village(village, e);
        } else if (head) {
            e.add("「所在村」户主行必填");
        }
        r.address = text(cells, ImportColumn.ADDRESS);
        if (r.address != null && r.address.length() > 255) {
            e.add("「家庭住址」不超过255个字");
            r.address = r.address.substring(0, 255);
        }
        String category = text(cells, ImportColumn.CATEGORY);
        if (category != null) {
            HouseholdCategory c = Inputs.required(HouseholdCategory.class, category, "category", "户类型", new ArrayList<>());
            if (c == null) {
                e.add("「户类型」无法识别，可选：脱贫户、监测户、一般农户");
            }
            r.category = name(c);
        } else if (head) {
            e.add("「户类型」户主行必填");
        }
        r.relocated = bool(cells, ImportColumn.RELOCATED, e);
        r.noLabourCapacity = bool(cells, ImportColumn.NO_LABOUR_CAPACITY, e);
        if (head) {
            r.relocated = Boolean.TRUE.equals(r.relocated);
            r.noLabourCapacity = Boolean.TRUE.equals(r.noLabourCapacity);
        }
        if (head || !householdExtras.isEmpty() && householdExtras.values().stream().anyMatch(i -> !at(cells, i).isBlank())) {
            r.householdExtraJson = extras("household", context.householdFields(), householdExtras, cells, e);
        }
        income(r, cells, head, e);
        return r;
    }

    private void income(StagedRow r, List<Cell> cells, boolean head, List<String> e) {
        ImportColumn[] incomeColumns = { ImportColumn.INCOME_YEAR, ImportColumn.WAGE, ImportColumn.PRODUCTION_NET, ImportColumn.PROPERTY,
                ImportColumn.TRANSFER, ImportColumn.EXPENSES, ImportColumn.PERIOD_FROM, ImportColumn.PERIOD_TO };
        boolean any = false;
        for (ImportColumn c : incomeColumns) {
            any |= !cell(cells, c).isBlank();
        }
        if (!any) {
            return;
        }
        if (!head) {
            e.add("收入请填写在户主所在行（本行不是户主）");
            return;
        }
        Integer year = integer(cells, ImportColumn.INCOME_YEAR, 0, 9999, e);
        if (year == null) {
            e.add("「收入年度」填写了收入时必填");
        } else if (year < 2015 || year > context.thisYear()) {
            e.add("「收入年度」应在2015—" + context.thisYear() + "之间");
            year = null;
        }
        r.incomeYear = year;
        r.wage = money(cells, ImportColumn.WAGE, false, e);
        r.productionNet = money(cells, ImportColumn.PRODUCTION_NET, true, e);
        r.property = money(cells, ImportColumn.PROPERTY, false, e);
        r.transfer = money(cells, ImportColumn.TRANSFER, false, e);
        r.expenses = money(cells, ImportColumn.EXPENSES, false, e);
        LocalDate from = periodDate(cells, ImportColumn.PERIOD_FROM, e);
        LocalDate to = periodDate(cells, ImportColumn.PERIOD_TO, e);
        if (year != null) {
            r.periodFrom = from == null ? LocalDate.of(year, 1, 1) : from;
            r.periodTo = to == null ? LocalDate.of(year, 12, 31) : to;
            if (r.periodFrom.isAfter(r.periodTo)) {
                e.add("「统计期止」不能早于「统计期起」");
            }
        }
    }

    /** A period date within the range the API also enforces ({@link IncomeRecord#periodDateProblem}); null when out of it. */
    private LocalDate periodDate(List<Cell> cells, ImportColumn column, List<String> e) {
        LocalDate d = date(cells, column, e);
        String problem = IncomeRecord.periodDateProblem("「" + column.header() + "」", d, context.today());
        if (problem != null) {
            e.add(problem);
            return null;
        }
        return d;
    }

    private String village(String text, List<String> e) {
        String code;
        if (VILLAGE_CODE.matcher(text).matches()) {
            code = context.villageNamesByCode().containsKey(text) ? text : null;
        } else {
            List<String> codes = villagesByName.getOrDefault(text, List.of());
            if (codes.size() > 1) {
                e.add("「所在村」本县有" + codes.size() + "个村叫“" + text + "”，请改填12位区划代码");
                return null;
            }
            code = codes.isEmpty() ? null : codes.get(0);
        }
        if (code == null) {
            e.add("「所在村」“" + text + "”不是本县的村");
            return null;
        }
        if (!OrgScope.covers(context.orgScope(), code)) {
            e.add("「所在村」“" + text + "”不在您的管辖范围内");
            return null;
        }
        return code;
    }

    private String extras(String form, List<FormField> fields, Map<FormField, Integer> present, List<Cell> cells, List<String> e) {
        if (fields.isEmpty()) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        present.forEach((f, i) -> {
            Cell c = at(cells, i);
            if (!c.isBlank()) {
                values.put(f.key(), c.text());
            }
        });
        try {
            return context.forms().toJson(context.forms().validate(context.provinceId(), context.countyCode(), form, values));
        } catch (ApiException ex) {
            String prefix = "household".equals(form) ? HOUSEHOLD_EXTRA_PREFIX : MEMBER_EXTRA_PREFIX;
            Function<String, String> label = key -> fields.stream().filter(f -> f.key().equals(key)).map(FormField::label).findFirst()
                    .orElse(key);
            ex.fieldErrors().forEach(f -> e.add("「" + prefix + label.apply(f.field()) + "」" + f.message()));
            return null;
        }
    }

    // ---------------------------------------------------------------- cells

    private Cell cell(List<Cell> cells, ImportColumn c) {
        Integer i = columns.get(c);
        return i == null ? Cell.EMPTY : at(cells, i);
    }

    private static Cell at(List<Cell> cells, int i) {
        return i < cells.size() ? cells.get(i) : Cell.EMPTY;
    }

    private String text(List<Cell> cells, ImportColumn c) {
        Cell cell = cell(cells, c);
        if (cell.isBlank()) {
            return null;
        }
        // A number typed into a text column comes back from Excel as "6.0" or "2024.0".
        return cell.numeric() ? plainNumber(cell.text()) : cell.text();
    }

    private static String plainNumber(String raw) {
        try {
            return new BigDecimal(raw).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException ex) {
            return raw;
        }
    }

    private Integer integer(List<Cell> cells, ImportColumn c, int min, int max, List<String> e) {
        String t = text(cells, c);
        if (t == null) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(t);
            if (v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw new NumberFormatException();
            }
            return v.intValueExact();
        } catch (NumberFormatException | ArithmeticException ex) {
            e.add("「" + c.header() + "」应为整数");
            return null;
        }
    }

    private Boolean bool(List<Cell> cells, ImportColumn c, List<String> e) {
        String t = text(cells, c);
        if (t == null) {
            return null;
        }
        switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "是", "y", "yes", "true", "1", "√" -> {
                return true;
            }
            case "否", "n", "no", "false", "0", "×" -> {
                return false;
            }
            default -> {
                e.add("「" + c.header() + "」应填“是”或“否”");
                return null;
            }
        }
    }

    /** Yuan with at most two decimals; a spreadsheet's floating-point noise (0.1+0.2) is rounded away, real fractions of a fen are refused. */
    private BigDecimal money(List<Cell> cells, ImportColumn c, boolean mayBeNegative, List<String> e) {
        String t = text(cells, c);
        if (t == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        try {
            BigDecimal v = new BigDecimal(t.replace(",", "").replace("，", ""));
            BigDecimal fen = v.setScale(2, RoundingMode.HALF_UP);
            if (fen.subtract(v).abs().compareTo(new BigDecimal("0.000001")) > 0) {
                e.add("「" + c.header() + "」最多两位小数");
            } else if (fen.abs().compareTo(new BigDecimal("100000000")) >= 0) {
                e.add("「" + c.header() + "」金额过大");
            } else if (!mayBeNegative && fen.signum() < 0) {
                e.add("「" + c.header() + "」不能为负数");
            } else {
                return fen;
            }
        } catch (NumberFormatException ex) {
            e.add("「" + c.header() + "」应为金额（元）");
        }
        return BigDecimal.ZERO.setScale(2);
    }

    /** A date as text (2024-01-31, 2024/1/31, 2024年1月31日, 20240131) or as an Excel date serial number. */
    private LocalDate date(List<Cell> cells, ImportColumn c, List<String> e) {
        Cell cell = cell(cells, c);
        if (cell.isBlank()) {
            return null;
        }
        try {
            String t = cell.text();
            if (cell.numeric() || DATE_SERIAL.matcher(t).matches()) {
                double serial = Double.parseDouble(t);
                if (serial >= 1 && serial < 100000) {
                    return LocalDate.of(1899, 12, 30).plusDays((long) serial);
                }
            } else if (DATE_DIGITS.matcher(t).matches()) {
                return LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)), Integer.parseInt(t.substring(6)));
            } else {
                Matcher dm = DATE.matcher(t);
                if (dm.matches()) {
                    return LocalDate.of(Integer.parseInt(dm.group(1)), Integer.parseInt(dm.group(2)), Integer.parseInt(dm.group(3)));
                }
            }
        } catch (NumberFormatException | DateTimeException ex) {
            // reported below
        }
        e.add("「" + c.header() + "」不是有效日期（例：2024-01-31）");
        return null;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /** The row as the report shows it: cells tab-separated, the ID number masked whether or not it is valid. */
    private String reportCells(List<Cell> cells) {
        Integer idColumn = columns.get(ImportColumn.ID_NUMBER);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append('\t');
            }
            String t = cells.get(i).text();
            if (idColumn != null && i == idColumn) {
                t = mask(t);
            }
            b.append(t.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
        }
        return b.toString();
    }

    /** Keeps the region and the last four characters, like {@link IdNumber#masked()}, for any text in the ID column. */
    static String mask(String text) {
        String t = text.strip();
        if (t.length() <= 10) {
            return "*".repeat(t.length());
        }
        return t.substring(0, 6) + "*".repeat(t.length() - 10) + t.substring(t.length() - 4);
    }
}
