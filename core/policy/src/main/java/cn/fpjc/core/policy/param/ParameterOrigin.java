package cn.fpjc.core.policy.param;

/** Where an effective value came from, strongest last. */
public enum ParameterOrigin {
    NOT_SET("未设定"),
    NATIONAL("国家默认"),
    PROVINCE("省级规定"),
    PROVINCE_YEARLY("省级年度设定"),
    COUNTY("本县规定");

    private final String label;

    ParameterOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
