package cn.fpjc.core.platform.metrics;

/** What a metric's figures can be broken down by. Township and village come from the village code of each row. */
public enum Dimension {
    TOWNSHIP("乡镇"),
    VILLAGE("村"),
    MONTH("月份"),
    MONITORING_TYPE("监测类型"),
    RISK_CATEGORY("风险类型"),
    FUND_SOURCE("资金来源"),
    /**
     * Successive checkpoints of a year (支出进度 on 4月末, 6月末 …): a figure as of each, so the headline is the latest one
     * present, never their sum.
     */
    CHECKPOINT("检查点");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
