package cn.fpjc.core.funds.asset;

import cn.fpjc.core.platform.text.Labelled;

/** “四个一批” (004 二(五)): 巩固 / 升级 / 盘活 / 调整. */
public enum AssetClass implements Labelled {
    CONSOLIDATE("巩固一批"),
    UPGRADE("升级一批"),
    REVITALIZE("盘活一批"),
    ADJUST("调整一批");

    private final String label;

    AssetClass(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
