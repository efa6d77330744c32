package cn.fpjc.core.funds.asset;

import cn.fpjc.core.platform.text.Labelled;

/** Where an asset stands: in use, idle (闲置, under review), waiting for the disposal to be approved, or disposed. */
public enum AssetStatus implements Labelled {
    IN_USE("在用"),
    IDLE("闲置"),
    DISPOSAL_PENDING("处置待审批"),
    DISPOSED("已处置");

    private final String label;

    AssetStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
