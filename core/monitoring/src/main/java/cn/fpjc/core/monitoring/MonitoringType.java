package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.text.Labelled;

/** 监测对象类型 (DOMAIN.md §2; 000 一(一)). */
public enum MonitoringType implements Labelled {
    UNSTABLE("脱贫不稳定户"),
    MARGINAL("边缘易致贫户"),
    SUDDEN_HARDSHIP("突发严重困难户");

    private final String label;

    MonitoringType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
