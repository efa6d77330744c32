package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.text.Labelled;

/**
 * Where a clue stands. A clue for a household already under monitoring is attached to it instead of starting anew;
 * every other clue is verified at home (入户核实) and closed with the finding. A confirmed clue then follows the case opened
 * from it: 已启动识别程序 when the case opens, 已纳入监测 on the county's approval, 不予纳入 on its rejection (CaseService).
 */
public enum ClueStatus implements Labelled {
    OPEN("待核实"),
    ATTACHED("已并入在监测户"),
    RISK_CONFIRMED("核实有风险，待启动识别程序"),
    NO_RISK("核实无风险"),
    CASE_OPENED("已启动识别程序"),
    INCLUDED("已纳入监测"),
    NOT_INCLUDED("不予纳入");

    private final String label;

    ClueStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean closed() {
        return this != OPEN;
    }
}
