package cn.fpjc.core.funds.asset;

import cn.fpjc.core.platform.text.Labelled;

/**
 * The three levels of the asset supervision system (003 二(三)9 “村级每月一管护、乡镇每季一检查、县级每半年一督导”), each with
 * the structured parameter that holds its cadence in months for the county.
 */
public enum CheckLevel implements Labelled {
    VILLAGE("村级管护", "funds.asset-check.village-months"),
    TOWNSHIP("乡镇检查", "funds.asset-check.township-months"),
    COUNTY("县级督导", "funds.asset-check.county-months");

    private final String label;
    private final String parameter;

    CheckLevel(String label, String parameter) {
        this.label = label;
        this.parameter = parameter;
    }

    @Override
    public String label() {
        return label;
    }

    public String parameter() {
        return parameter;
    }
}
