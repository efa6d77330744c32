package cn.fpjc.core.funds.asset;

import cn.fpjc.core.platform.text.Labelled;

/** The condition an inspection found (003 二(三)9 加强资产建后管护). */
public enum AssetCondition implements Labelled {
    GOOD("完好"),
    NEEDS_REPAIR("需维修"),
    DAMAGED("损毁"),
    IDLE("闲置");

    private final String label;

    AssetCondition(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
