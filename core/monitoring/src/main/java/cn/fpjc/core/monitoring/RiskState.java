package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.text.Labelled;

/** Where a monitored household's risk stands once the county approved its identification (000 一(四)). */
public enum RiskState implements Labelled {
    UNRESOLVED("风险未消除"),
    ELIMINATED("风险已消除"),
    /** 整户无劳动能力兜底保障户: not marked eliminated, protected instead (001 第三部分一(二)5②). */
    BASIC_PROTECTION("兜底保障户");

    private final String label;

    RiskState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
