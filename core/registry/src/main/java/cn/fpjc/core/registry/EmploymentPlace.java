package cn.fpjc.core.registry;

import cn.fpjc.core.platform.text.Labelled;

/** Where a member works (务工地点). */
public enum EmploymentPlace implements Labelled {
    NONE("未务工"),
    IN_COUNTY("县内"),
    IN_PROVINCE("省内县外"),
    OUT_OF_PROVINCE("省外");

    private final String label;

    EmploymentPlace(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
