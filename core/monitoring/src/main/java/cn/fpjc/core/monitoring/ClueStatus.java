package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.text.Labelled;

/**
 * Where a clue stands. A clue for a household already under monitoring is attached to it instead of starting anew;
 * every other clue is verified at home (入户核实) and closed with the finding.
 */
public enum ClueStatus implements Labelled {
    OPEN("待核实"),
    ATTACHED("已并入在监测户"),
    RISK_CONFIRMED("核实有风险，待启动识别程序"),
    NO_RISK("核实无风险");

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
