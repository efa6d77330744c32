package cn.fpjc.core.funds.project;

import cn.fpjc.core.platform.text.Labelled;

/** 经营性 / 公益性 / 到户类 (001 第三部分三(二)4①): an operating project needs a 联农带农 mechanism. */
public enum ProjectNature implements Labelled {
    OPERATING("经营性"),
    PUBLIC_WELFARE("公益性"),
    HOUSEHOLD("到户类");

    private final String label;

    ProjectNature(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
