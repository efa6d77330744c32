package cn.fpjc.core.funds.project;

import cn.fpjc.core.platform.text.Labelled;

/**
 * Where a project stands: the library's entry procedure 村申报 → 乡审核 → 部门论证 → 县审定 → 公告入库 (000 衔接资金使用管理 二、1),
 * then 立项批复 (二、2), 竣工验收 and 决算审计 (after which its assets are recorded).
 */
public enum ProjectStatus implements Labelled {
    DECLARED("村级申报"),
    TOWNSHIP_REVIEWED("乡镇已审核"),
    ASSESSED("部门已论证"),
    COUNTY_DECIDED("县级已审定"),
    LISTED("已入库"),
    APPROVED("已立项批复"),
    COMPLETED("已竣工验收"),
    AUDITED("已决算审计"),
    REJECTED("未通过");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The county has decided on it: its content changes only through a change approved again (二、2). */
    public boolean decided() {
        return this == COUNTY_DECIDED || this == LISTED || this == APPROVED || this == COMPLETED || this == AUDITED;
    }
}
