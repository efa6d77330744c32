package cn.fpjc.core.platform.org;

public enum OrgLevel {
    TOWNSHIP("乡镇"),
    VILLAGE("村");

    private final String label;

    OrgLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
