package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.text.Labelled;

/**
 * How a clue's ID number and name compare with the registry when it was received: for staff only. The public is told
 * the same whatever this is (a self-report must not reveal whether a person is registered or monitored), so a public
 * clue is linked to a household only when the registered name matches, and a mismatch is left to the village to verify.
 */
public enum RegistryMatch implements Labelled {
    NOT_REGISTERED("身份证号未在本县农户信息中登记"),
    NAME_MISMATCH("身份证号已登记，但姓名与登记不符，请核实"),
    MATCHED("身份证号与姓名均与登记一致"),
    MATCHED_MONITORED("身份证号与姓名均与登记一致；该户已是监测户，核实后并入其监测帮扶");

    private final String label;

    RegistryMatch(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Names compared without spaces and with the middle dot of minority names in any of its look-alike forms. */
    static boolean sameName(String registered, String reported) {
        return registered != null && reported != null && normalise(registered).equals(normalise(reported));
    }

    private static String normalise(String name) {
        return name.replaceAll("\\s+", "").replaceAll("[•・‧．.]", "·");
    }
}
