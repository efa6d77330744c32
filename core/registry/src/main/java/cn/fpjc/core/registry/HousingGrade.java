package cn.fpjc.core.registry;

import cn.fpjc.core.platform.text.Labelled;

/** House safety grade (房屋安全等级); C and D are 危房. */
public enum HousingGrade implements Labelled {
    A("A级"),
    B("B级"),
    C("C级"),
    D("D级");

    private final String label;

    HousingGrade(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
