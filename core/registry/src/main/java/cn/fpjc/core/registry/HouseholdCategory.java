package cn.fpjc.core.registry;

import cn.fpjc.core.platform.text.Labelled;

/** Household category (户类型), DOMAIN.md §1. */
public enum HouseholdCategory implements Labelled {
    POVERTY_ALLEVIATED("脱贫户"),
    MONITORED("监测户"),
    ORDINARY("一般农户");

    private final String label;

    HouseholdCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
