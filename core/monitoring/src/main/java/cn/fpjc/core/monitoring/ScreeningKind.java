package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.text.Labelled;

/** How cadres found a risk (基层干部排查, DOMAIN.md §2): routine visits to hardship groups, or a centralized campaign. */
public enum ScreeningKind implements Labelled {
    ROUTINE("常态化排查"),
    CAMPAIGN("集中排查");

    private final String label;

    ScreeningKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
