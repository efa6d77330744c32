package cn.fpjc.core.registry;

import cn.fpjc.core.platform.text.Labelled;

/** Schooling stage (在校生情况), DOMAIN.md §1. */
public enum SchoolingStage implements Labelled {
    NOT_IN_SCHOOL("非在校生"),
    PRESCHOOL("学前教育"),
    PRIMARY("小学"),
    JUNIOR("初中"),
    SENIOR("高中"),
    SECONDARY_VOCATIONAL("中职"),
    HIGHER_VOCATIONAL("高职"),
    BACHELOR("本科"),
    POSTGRADUATE("研究生"),
    DROPPED_OUT("辍学");

    private final String label;

    SchoolingStage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
