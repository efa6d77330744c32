package cn.fpjc.core.assistance.national;

import cn.fpjc.core.policy.source.PolicySources;
import java.util.List;

/**
 * The columns of the export for the national system (全国防止返贫监测和衔接推进乡村振兴信息系统), each with where the seeds
 * say the item is kept in that system and what we assumed. The seeds name the items that go into the national system
 * (002 监测帮扶要点 二(六)16: 新识别、人员增减、风险消除标注、风险再标注, 家庭成员基础信息, “三保障”和饮水安全, 收入采集录入;
 * 002 二(三)10: 风险类别“及时在系统进行标注”; 001 第三部分一(二)2 七是录入建档) but never the upload template's
 * column names, order or value spelling: those are ours, and said so in every column's assumption and the 说明 sheet.
 */
final class NationalColumns {
    /**
     * @param source the seed citation (file number and section), shown to people through {@link PolicySources#forPeople}
     * @param assumption what the seeds do not fix about this column
     */
    record Column(String header, String source, String assumption) {
        String sourceForPeople() {
            return source == null ? "现行政策文件未规定（本系统自定）" : PolicySources.forPeople(source);
        }
    }

    static final String LAYOUT = "现行政策文件只规定哪些信息须录入全国防止返贫监测和衔接推进乡村振兴信息系统，未给出该系统上传模板的列名、列序和取值写法；"
            + "本表的列名、列序和取值按本系统的叫法，上传前请按当年全国系统下发的模板核对列名。";

    static final String ID_NUMBERS = "证件号码一律脱敏（前6位和后4位，中间8位以*代替），与本系统其他台账导出相同：身份证号不以完整形式出现在任何列表、日志、导出或公开文件中。"
            + "本系统没有导出完整身份证号的功能（只能在农户页面逐人查看，须填写事由并记入审计日志）；上传全国系统时，完整号码由全国系统按其已有的农户信息比对匹配，"
            + "或由县级经办人在全国系统内逐户核对填写。";

    private static final String DYNAMIC = "002 监测帮扶要点 二(六)16 规范动态管理：家庭成员基础信息";
    private static final String OURS = "列名和写法为本系统自定";

    static final List<Column> HOUSEHOLD = List.of(
            new Column("序号", null, "导出行号，非全国系统编码"),
            new Column("县级行政区划代码", "国家默认（domain/DOMAIN.md §7 区划代码：县级6位 GB/T 2260）", "本县租户代码"),
            new Column("乡（镇）", "国家默认（domain/DOMAIN.md §7 区划代码：乡级9位统计用区划代码）", "名称，取自本系统组织机构"),
            new Column("行政村", "国家默认（domain/DOMAIN.md §7 区划代码：村级12位统计用区划代码）", "名称，取自本系统组织机构"),
            new Column("村级行政区划代码", "国家默认（domain/DOMAIN.md §7 区划代码：村级12位统计用区划代码）", "12位统计用区划代码"),
            new Column("户编号", null, "本系统的户编号；全国系统有自己的户编码，本系统不掌握，须在全国系统内对应"),
            new Column("户主姓名", DYNAMIC, OURS),
            new Column("户主证件号码（脱敏）", DYNAMIC, "脱敏，见本页“证件号码”一节"),
            new Column("家庭人口数", "002 监测帮扶要点 二(六)16 规范动态管理：人员增减", "本系统在册成员数（已减少的成员不计）"),
            new Column("户类型", "000 一(一)", "本系统户类别：脱贫户 / 监测户 / 一般农户"),
            new Column("监测对象类别", "000 一(一)", "脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户，取自识别纳入案件"),
            new Column("风险类别", "002 监测帮扶要点 二(三)10：风险类别及时在系统进行标注", "多项以“、”分隔，取自识别纳入案件"),
            new Column("识别纳入日期", "000 一(二)3 识别时间以县级审定时间为准；001 第三部分一(二)2 七是录入建档", "县级审定日期"),
            new Column("风险状态", "002 监测帮扶要点 二(六)16 风险消除标注、风险再标注；000 一(四)", "风险未消除 / 风险已消除 / 兜底保障户"),
            new Column("风险状态日期", "002 监测帮扶要点 二(六)16 风险消除标注、风险再标注", "最近一次风险状态变化（纳入、消除、回退、再标注、兜底保障认定）的日期"),
            new Column("易地搬迁户", null, "是 / 否，取自农户信息"),
            new Column("整户无劳动能力", "002 监测帮扶要点 二(五)15 对整户无劳动能力的监测对象暂不标注消除风险", "是 / 否，取自农户信息"),
            new Column("收入年度", "002 监测帮扶要点 二(六)16 第四季度做好脱贫人口和监测对象收入采集录入工作", "本系统已录入的最近一个收入年度；未录入则空"),
            new Column("人均纯收入（元）", "002 监测帮扶要点 二(六)16 第四季度做好脱贫人口和监测对象收入采集录入工作", "该年度人均纯收入，保留2位小数"),
            new Column("帮扶责任人", "002 帮扶工作要点 二(二)8 落实到户帮扶", "取自一户一策；未制定帮扶计划则空"),
            new Column("帮扶计划制定（调整）日期", "002 监测帮扶要点 二(四)12 精准制定“一户一策”帮扶计划", "一户一策最近保存日期"),
            new Column("帮扶措施", "002 监测帮扶要点 二(四)12—13", "一户一策的措施，每项为“措施类型（对象，起止日期）”，以“；”分隔"),
            new Column("小额信贷", "000 金融帮扶 一 脱贫人口小额信贷", "本系统登记的已放款或已结清贷款：产品、金额、放款日期、状态"),
            new Column("已到账帮扶资金（元）", null, "本系统代发并经银行回盘“已入账”的各项补助合计（不分年度），不含其他渠道发放的资金"),
            new Column("到账资金明细", null, "按项目分列的已入账金额"));

    static final List<Column> MEMBER = List.of(
            new Column("户编号", null, "本系统的户编号，与“监测户”表对应"),
            new Column("姓名", DYNAMIC, OURS),
            new Column("与户主关系", DYNAMIC, OURS),
            new Column("证件号码（脱敏）", DYNAMIC, "脱敏，见本页“证件号码”一节"),
            new Column("性别", DYNAMIC, "由身份证号推得"),
            new Column("劳动技能", DYNAMIC, "普通劳动力 / 弱劳动力或半劳动力 / 丧失劳动力 / 无劳动力"),
            new Column("健康状况", DYNAMIC, "健康 / 长期慢性病 / 大病 / 残疾（不导出病名）"),
            new Column("在校生状况", "002 监测帮扶要点 二(六)16 规范动态管理：“三保障”和饮水安全等变化情况", OURS),
            new Column("务工地点", "000 脱贫人口务工就业 四、务工脱贫人口信息管理：每月录入全国系统“务工监测模块”", "县内 / 省内县外 / 省外 / 未务工"),
            new Column("务工时间（月）", "000 脱贫人口务工就业 四、务工脱贫人口信息管理：每月录入全国系统“务工监测模块”", OURS),
            new Column("参加基本医疗保险", "002 监测帮扶要点 二(六)16 规范动态管理：“三保障”和饮水安全等变化情况", "是 / 否"));

    private NationalColumns() {
    }

    static String[] headers(List<Column> columns) {
        return columns.stream().map(Column::header).toArray(String[]::new);
    }
}
