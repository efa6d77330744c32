package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.text.Labelled;

/**
 * What a 一户一策 measure is, and whether it is developmental (产业、就业: it raises the household's own income) or
 * protective (兜底、救助、保障) — DOMAIN.md §3, 000 一(三).
 */
public enum MeasureType implements Labelled {
    INDUSTRY("产业帮扶", Kind.DEVELOPMENTAL),
    EMPLOYMENT("务工就业帮扶", Kind.DEVELOPMENTAL),
    PUBLIC_WELFARE_JOB("乡村公益性岗位", Kind.DEVELOPMENTAL),
    WORKSHOP_JOB("帮扶车间（就业帮扶车间）就业", Kind.DEVELOPMENTAL),
    MICROCREDIT("脱贫人口小额信贷", Kind.DEVELOPMENTAL),
    SKILLS_TRAINING("技能培训", Kind.DEVELOPMENTAL),
    ENTREPRENEURSHIP("创业扶持", Kind.DEVELOPMENTAL),
    OTHER_DEVELOPMENTAL("其他发展类措施", Kind.DEVELOPMENTAL),
    DIBAO("最低生活保障（低保）", Kind.PROTECTIVE),
    TEKUN("特困人员救助供养", Kind.PROTECTIVE),
    TEMPORARY_AID("临时救助", Kind.PROTECTIVE),
    MEDICAL("医疗保障与医疗救助", Kind.PROTECTIVE),
    EDUCATION_AID("教育资助", Kind.PROTECTIVE),
    HOUSING("住房安全保障", Kind.PROTECTIVE),
    WATER("饮水安全保障", Kind.PROTECTIVE),
    DISABILITY("残疾人两项补贴", Kind.PROTECTIVE),
    OTHER_PROTECTIVE("其他保障类措施", Kind.PROTECTIVE);

    public enum Kind implements Labelled {
        DEVELOPMENTAL("发展类"), PROTECTIVE("保障类");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    private final String label;
    private final Kind kind;

    MeasureType(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    @Override
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** A job that needs a worker: never for a member without labour capacity (a listed audit finding in 001). */
    public boolean isJob() {
        return this == PUBLIC_WELFARE_JOB || this == WORKSHOP_JOB;
    }

    /** 兜底保障: what a household without any labour relies on. */
    public boolean isSafetyNet() {
        return this == DIBAO || this == TEKUN;
    }
}
