package cn.fpjc.core.registry;

import cn.fpjc.core.platform.text.Labelled;

/** Labour capacity (劳动能力), DOMAIN.md §1. */
public enum LabourCapacity implements Labelled {
    FULL("普通劳动力"),
    WEAK("弱劳动力或半劳动力"),
    LOST("丧失劳动力"),
    NONE("无劳动力");

    private final String label;

    LabourCapacity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
