package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.text.Labelled;

/** How a risk clue arrived (DOMAIN.md §2: the three channels of 000 一(一)). */
public enum ClueChannel implements Labelled {
    SELF_REPORT("农户自主申报"),
    CADRE_SCREENING("基层干部排查"),
    DEPARTMENT_ALERT("部门筛查预警");

    private final String label;

    ClueChannel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
