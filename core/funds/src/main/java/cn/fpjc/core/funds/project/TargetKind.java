package cn.fpjc.core.funds.project;

import cn.fpjc.core.platform.text.Labelled;

/** 绩效目标 kinds. */
public enum TargetKind implements Labelled {
    OUTPUT("产出指标"),
    BENEFIT("效益指标"),
    SATISFACTION("满意度指标");

    private final String label;

    TargetKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
