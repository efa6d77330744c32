package cn.fpjc.core.registry.importing;

import cn.fpjc.core.registry.EmploymentPlace;
import cn.fpjc.core.registry.HealthStatus;
import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.registry.LabourCapacity;
import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.registry.Relation;
import cn.fpjc.core.registry.SchoolingStage;
import java.util.List;

/**
 * The columns of the household import file, one row per person. The header is matched on the Chinese
 * label (a trailing "*" and spaces are ignored), so the template's headers are the contract. Household
 * columns are required on the head's row (与户主关系 = 户主) and may be left blank on the others; income
 * columns belong on the head's row.
 */
public enum ImportColumn {
    HOUSEHOLD_NO("户编号", Scope.ALL_ROWS, "4—32位数字、字母或连字符；同一户的每一行填同一个户编号", "HS-0001"),
    VILLAGE("所在村", Scope.HEAD_ROW, "村的12位区划代码或村名", null),
    ADDRESS("家庭住址", Scope.OPTIONAL, "", "三组12号"),
    CATEGORY("户类型", Scope.HEAD_ROW, String.join("/", Labelled.labels(HouseholdCategory.class)), "一般农户"),
    RELOCATED("易地搬迁户", Scope.OPTIONAL, "是/否，空为否", "否"),
    NO_LABOUR_CAPACITY("整户无劳动能力", Scope.OPTIONAL, "是/否，空为否", "否"),
    NAME("姓名", Scope.ALL_ROWS, "汉字、字母和间隔号（·）", "张三"),
    ID_NUMBER("身份证号", Scope.ALL_ROWS, "18位，最后一位可为X；请把本列设为文本格式，否则Excel会丢失后三位", null),
    RELATION("与户主关系", Scope.ALL_ROWS, String.join("/", Labelled.labels(Relation.class)), "户主"),
    LABOUR("劳动能力", Scope.ALL_ROWS, String.join("/", Labelled.labels(LabourCapacity.class)), "普通劳动力"),
    HEALTH("健康状况", Scope.ALL_ROWS, String.join("/", Labelled.labels(HealthStatus.class)), "健康"),
    DISABILITY_GRADE("残疾等级", Scope.OPTIONAL, "1—4，仅残疾人填写", ""),
    DISABILITY_TYPE("残疾类别", Scope.OPTIONAL, "如 肢体、视力", ""),
    ILLNESS("病种", Scope.OPTIONAL, "患长期慢性病或大病的必填", ""),
    SCHOOLING("在校生情况", Scope.OPTIONAL, String.join("/", Labelled.labels(SchoolingStage.class)) + "，空为非在校生", ""),
    EMPLOYMENT_PLACE("务工地点", Scope.OPTIONAL, String.join("/", Labelled.labels(EmploymentPlace.class)) + "，空为未务工", "县内"),
    EMPLOYMENT_MONTHS("务工月数", Scope.OPTIONAL, "0—12", "6"),
    MEDICAL_INSURED("参加医保", Scope.OPTIONAL, "是/否", "是"),
    PENSION_INSURED("参加养老保险", Scope.OPTIONAL, "是/否", "是"),
    INCOME_YEAR("收入年度", Scope.INCOME, "如 2024；本户有收入数据时在户主行填写", "2024"),
    WAGE("工资性收入", Scope.INCOME, "元，最多两位小数", "24000"),
    PRODUCTION_NET("生产经营性净收入", Scope.INCOME, "元，可为负数", "3000"),
    PROPERTY("财产性收入", Scope.INCOME, "元", "0"),
    TRANSFER("转移性收入", Scope.INCOME, "元", "1200"),
    EXPENSES("合规自付支出", Scope.INCOME, "元", "0"),
    PERIOD_FROM("统计期起", Scope.INCOME, "日期，空为该年1月1日", ""),
    PERIOD_TO("统计期止", Scope.INCOME, "日期，空为该年12月31日", "");

    /** Where a column must be filled. */
    public enum Scope {
        /** Every row. */
        ALL_ROWS,
        /** The head's row; other rows may repeat it or leave it blank. */
        HEAD_ROW,
        /** May be blank. */
        OPTIONAL,
        /** The head's row, when the household has a year's income to record. */
        INCOME
    }

    private final String header;
    private final Scope scope;
    private final String help;
    private final String example;

    ImportColumn(String header, Scope scope, String help, String example) {
        this.header = header;
        this.scope = scope;
        this.help = help;
        this.example = example;
    }

    public String header() {
        return header;
    }

    public Scope scope() {
        return scope;
    }

    public String help() {
        return help;
    }

    /** Example value for the template's sample row (null where the value depends on the county). */
    public String example() {
        return example;
    }

    /** The header as the template writes it: required columns end with "*". */
    public String templateHeader() {
        return scope == Scope.ALL_ROWS || scope == Scope.HEAD_ROW ? header + "*" : header;
    }

    /** A header cell as a user may have typed it, reduced to the label it is matched on. */
    public static String normalise(String header) {
        return header == null ? "" : header.replace("*", "").replace("＊", "").replaceAll("\\s+", "").strip();
    }

    /** Columns the header must contain (the others may be left out of the file entirely). */
    public static List<ImportColumn> required() {
        return java.util.Arrays.stream(values()).filter(c -> c.scope == Scope.ALL_ROWS || c.scope == Scope.HEAD_ROW).toList();
    }
}
