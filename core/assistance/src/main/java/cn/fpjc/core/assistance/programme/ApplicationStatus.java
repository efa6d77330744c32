package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.platform.text.Labelled;

/** Where a programme application stands: 申请 → 村级核实 → 乡镇审核 → 村内公示 → 县级审批 (then payment). */
public enum ApplicationStatus implements Labelled {
    SUBMITTED("待村级核实"),
    VILLAGE_CHECKED("待乡镇审核"),
    TOWNSHIP_REVIEWED("待公示"),
    IN_NOTICE("公示中"),
    APPROVED("县级已审批"),
    REJECTED("不予补助");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
