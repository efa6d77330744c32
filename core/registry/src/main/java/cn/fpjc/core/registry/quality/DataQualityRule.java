package cn.fpjc.core.registry.quality;

import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.registry.LabourCapacity;
import cn.fpjc.core.registry.SchoolingStage;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The catalogue of data-quality checks (疑点). Each rule is one set-based query over the county's registry
 * returning (household, member, village, detail); today's date in China is bound to each
 * {@code ?}. Rules whose facts are not in SQL (the ID number is encrypted; thresholds come from parameters)
 * are evaluated by {@link DataQualityService} itself and have no query here.
 * "A person in two households" is not a rule: the unique ID hash makes it impossible to store.
 */
public enum DataQualityRule {
    ID_BIRTH_SEX("身份证号与出生日期、性别不符", "出生日期和性别应由身份证号推出；不一致说明数据被改动过或录入有误", null),
    COMPULSORY_SCHOOLING("义务教育阶段适龄儿童未在校", "7—15周岁应在校（控辍保学）；登记为非在校生或辍学的须核实", """
            SELECT m.household_id, m.id, h.village_code,
              CONCAT(m.name, '，', m.age, '岁，登记为“', %s, '”')
            FROM (SELECT x.*, TIMESTAMPDIFF(YEAR, x.birth_date, ?) AS age FROM member x WHERE x.active = TRUE) m
            JOIN household h ON h.id = m.household_id
            WHERE h.active = TRUE AND m.age BETWEEN 7 AND 15 AND m.schooling IN ('NOT_IN_SCHOOL', 'DROPPED_OUT')
            """.formatted(labels("m.schooling", SchoolingStage.class))),
    AGE_SCHOOLING("年龄与在校生情况不符", "学段与年龄明显不符（如40岁登记为小学在校）", """
            SELECT m.household_id, m.id, h.village_code,
              CONCAT(m.name, '，', m.age, '岁，在校生情况登记为“', %s, '”')
            FROM (SELECT x.*, TIMESTAMPDIFF(YEAR, x.birth_date, ?) AS age FROM member x WHERE x.active = TRUE) m
            JOIN household h ON h.id = m.household_id
            WHERE h.active = TRUE AND (
              (m.schooling = 'PRESCHOOL' AND (m.age < 2 OR m.age > 7))
              OR (m.schooling = 'PRIMARY' AND (m.age < 5 OR m.age > 16))
              OR (m.schooling = 'JUNIOR' AND (m.age < 10 OR m.age > 19))
              OR (m.schooling IN ('SENIOR', 'SECONDARY_VOCATIONAL') AND (m.age < 13 OR m.age > 23))
              OR (m.schooling IN ('HIGHER_VOCATIONAL', 'BACHELOR') AND (m.age < 15 OR m.age > 35))
              OR (m.schooling = 'POSTGRADUATE' AND m.age < 19))
            """.formatted(labels("m.schooling", SchoolingStage.class))),
    LABOUR_AGE("劳动能力与年龄不符", "未满16周岁不应登记为劳动力或务工；75周岁以上登记为普通劳动力的须核实", """
            SELECT m.household_id, m.id, h.village_code,
              CONCAT(m.name, '，', m.age, '岁，登记为“', %s, '”', IF(m.employment_place <> 'NONE', '并外出务工', ''))
            FROM (SELECT x.*, TIMESTAMPDIFF(YEAR, x.birth_date, ?) AS age FROM member x WHERE x.active = TRUE) m
            JOIN household h ON h.id = m.household_id
            WHERE h.active = TRUE AND ((m.age < 16 AND (m.labour IN ('FULL', 'WEAK') OR m.employment_place <> 'NONE'))
              OR (m.age >= 75 AND m.labour = 'FULL'))
            """.formatted(labels("m.labour", LabourCapacity.class))),
    NO_LABOUR_FLAG("整户无劳动能力标识与成员不符", "标为整户无劳动能力却有青壮年普通劳动力，或全家无劳动力却未标识", """
            SELECT h.id, NULL, h.village_code,
              IF(h.no_labour_capacity, CONCAT('标为整户无劳动能力，但有', s.able, '名16—59岁普通劳动力'),
                 '全家没有普通或弱劳动力，但未标为整户无劳动能力')
            FROM household h JOIN (
              SELECT household_id, SUM(labour = 'FULL' AND age BETWEEN 16 AND 59) AS able, SUM(labour IN ('FULL', 'WEAK')) AS workers
              FROM (SELECT x.*, TIMESTAMPDIFF(YEAR, x.birth_date, ?) AS age FROM member x WHERE x.active = TRUE) m GROUP BY household_id) s
              ON s.household_id = h.id
            WHERE h.active = TRUE AND ((h.no_labour_capacity AND s.able > 0) OR (NOT h.no_labour_capacity AND s.workers = 0))
            """),
    HEAD_COUNT("户主人数不为1", "每户须有且只有一名在册户主（户主去世、迁出后要指定新户主）", """
            SELECT h.id, NULL, h.village_code, CONCAT('在册户主', COUNT(m.id), '人')
            FROM household h LEFT JOIN member m ON m.household_id = h.id AND m.active = TRUE AND m.relation = 'HEAD'
            WHERE h.active = TRUE
            GROUP BY h.id, h.village_code HAVING COUNT(m.id) <> 1
            """),
    NOT_MEDICALLY_INSURED("未参加基本医疗保险", "基本医疗有保障要求应保尽保；未参保的须核实原因", """
            SELECT m.household_id, m.id, h.village_code, CONCAT(m.name, '未登记参加基本医疗保险')
            FROM member m JOIN household h ON h.id = m.household_id
            WHERE m.active = TRUE AND h.active = TRUE AND m.medical_insured = FALSE
            """),
    INCOME_INCONSISTENT("收入数据对不上", "最近一年的人均纯收入应等于（各项收入之和−合规自付支出）÷人口，且人口应与现在在册人数一致", """
            SELECT h.id, NULL, h.village_code,
              IF(i.per_capita <> ROUND((i.wage + i.production_net + i.property + i.transfer - i.expenses) / i.household_size, 2),
                 CONCAT(i.income_year, '年各项收入与人均纯收入对不上'),
                 CONCAT(i.income_year, '年按', i.household_size, '人计算人均收入，现在册', c.n, '人，需重新核算'))
            FROM income_record i
            JOIN (SELECT household_id, MAX(income_year) AS y FROM income_record GROUP BY household_id) l
              ON l.household_id = i.household_id AND l.y = i.income_year
            JOIN household h ON h.id = i.household_id
            JOIN (SELECT household_id, COUNT(*) AS n FROM member WHERE active = TRUE GROUP BY household_id) c ON c.household_id = h.id
            WHERE h.active = TRUE AND (i.household_size <> c.n
              OR i.per_capita <> ROUND((i.wage + i.production_net + i.property + i.transfer - i.expenses) / i.household_size, 2))
            """),
    NO_RECENT_INCOME("缺少上一年度收入", "每年应采集上一年度家庭收入，作为监测和消除风险的依据", """
            SELECT h.id, NULL, h.village_code, CONCAT('没有', YEAR(?) - 1, '年度收入')
            FROM household h LEFT JOIN income_record i ON i.household_id = h.id AND i.income_year = YEAR(?) - 1
            WHERE h.active = TRUE AND i.id IS NULL
            """),
    BELOW_THRESHOLD_UNMONITORED("人均收入低于监测范围但不是监测户", "最近一年人均纯收入低于当年监测范围的，应进入监测识别程序", null),
    GUARANTEE_MISSING("未录入“三保障”和饮水状况", "每户应有义务教育、基本医疗、住房安全和饮水安全状况", """
            SELECT h.id, NULL, h.village_code, '未录入“三保障”和饮水安全状况'
            FROM household h LEFT JOIN guarantee_status g ON g.household_id = h.id
            WHERE h.active = TRUE AND g.household_id IS NULL
            """),
    GUARANTEE_UNMET_UNMONITORED("“三保障”或饮水未保障但不是监测户", "有未保障项的农户应纳入监测帮扶", """
            SELECT h.id, NULL, h.village_code,
              CONCAT(CONCAT_WS('、', IF(g.education_ok, NULL, '义务教育'), IF(g.medical_ok, NULL, '基本医疗'),
                IF(g.housing_grade IN ('C', 'D'), CONCAT('住房（', g.housing_grade, '级危房）'), NULL),
                IF(g.water_quantity_ok AND g.water_quality_ok AND g.water_convenience_ok AND g.water_guarantee_ok, NULL, '饮水安全')),
                '未保障，但不是监测户')
            FROM household h JOIN guarantee_status g ON g.household_id = h.id
            WHERE h.active = TRUE AND h.category <> 'MONITORED' AND NOT (g.education_ok AND g.medical_ok
              AND g.housing_grade IN ('A', 'B') AND g.water_quantity_ok AND g.water_quality_ok AND g.water_convenience_ok AND g.water_guarantee_ok)
            """);

    private final String label;
    private final String why;
    private final String sql;

    DataQualityRule(String label, String why, String sql) {
        this.label = label;
        this.why = why;
        this.sql = sql;
    }

    public String label() {
        return label;
    }

    /** Why a finding matters, for the page. */
    public String why() {
        return why;
    }

    /** The rule's query, or null when the service evaluates it in Java. */
    String sql() {
        return sql;
    }

    /** A SQL CASE turning an enumeration column into its Chinese label. */
    static <E extends Enum<E> & Labelled> String labels(String column, Class<E> type) {
        return "CASE " + column + " " + Arrays.stream(type.getEnumConstants())
                .map(e -> "WHEN '" + e.name() + "' THEN '" + e.label() + "'").collect(Collectors.joining(" ")) + " ELSE " + column + " END";
    }

    public static DataQualityRule parse(String code) {
        for (DataQualityRule r : values()) {
            if (r.name().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return r;
            }
        }
        return null;
    }
}
