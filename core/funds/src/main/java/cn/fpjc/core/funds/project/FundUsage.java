package cn.fpjc.core.funds.project;

import cn.fpjc.core.platform.text.Labelled;

/**
 * What a project spends the money on, declared with the project and held against the negative list of 000 衔接资金使用管理
 * 一、2 (负面清单): the items marked {@code refused} may never be paid from connecting funds.
 */
public enum FundUsage implements Labelled {
    INDUSTRY_PRODUCTION("产业发展（生产、加工、流通、配套设施）", false),
    EMPLOYMENT("就业帮扶（务工就业、技能培训）", false),
    SMALL_INFRASTRUCTURE("小型公益性基础设施", false),
    LIVING_ENVIRONMENT("农村人居环境整治", false),
    LOAN_INTEREST("小额信贷贴息", false),
    PROJECT_MANAGEMENT("项目管理费", false),
    OTHER_ELIGIBLE("其他符合衔接资金支持范围的支出", false),
    UNIT_BASIC_EXPENSES("单位基本支出", true),
    VEHICLES_AND_PHONES("交通工具及通讯设备", true),
    OFFICE_BUILDINGS("修建楼堂馆所", true),
    BONUSES_AND_ALLOWANCES("各种奖金津贴和福利补助", true),
    MONITORING_WORK_COSTS("防止返贫监测预警工作经费", true),
    DEBT_REPAYMENT("偿还债务和垫资", true),
    IMAGE_PROJECTS("美化、亮化、绿化等“造景”工程、形象工程", true),
    SOCIAL_SECURITY("低保、医保、养老保险、临时救助等综合保障措施（通过原资金渠道支持）", true);

    /**
     * Where the negative list is written: the national fund measures every province follows (000 names them: "严格按照中央和省财政
     * 衔接推进乡村振兴补助资金管理办法"), the items as Heilongjiang's guide lists them.
     */
    public static final String SOURCE = "国家默认（domain/DOMAIN.md §4 Funds：《中央财政衔接推进乡村振兴补助资金管理办法》）；负面清单各项见 000 衔接资金使用管理 一、2";

    private final String label;
    private final boolean refused;

    FundUsage(String label, boolean refused) {
        this.label = label;
        this.refused = refused;
    }

    @Override
    public String label() {
        return label;
    }

    /** On the negative list: connecting funds may not pay for it. */
    public boolean refused() {
        return refused;
    }
}
