package cn.fpjc.admin.cluster;

/** Whether a database cluster takes new counties. */
public enum ClusterStatus {
    /** New counties may be placed here. */
    OPEN("开放"),
    /** Serves its counties, takes no new ones. */
    FULL("已满"),
    /** Serves its counties while they are moved away; takes no new ones. */
    DRAINING("迁出中");

    private final String label;

    ClusterStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
