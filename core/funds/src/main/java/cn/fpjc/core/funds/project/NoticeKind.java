package cn.fpjc.core.funds.project;

import cn.fpjc.core.platform.text.Labelled;

/** 三公示一公告 (000 衔接资金使用管理 二、1): the village's, the township's and the county's notices, then the county's announcement. */
public enum NoticeKind implements Labelled {
    VILLAGE_NOTICE("村级申报公示"),
    TOWNSHIP_NOTICE("乡镇审核公示"),
    COUNTY_NOTICE("县级审定公示"),
    COUNTY_ANNOUNCEMENT("县级入库公告");

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
