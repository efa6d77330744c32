package cn.fpjc.core.registry;

import cn.fpjc.core.platform.text.Labelled;

/** Health (健康状况); disability carries a grade and type on the member. */
public enum HealthStatus implements Labelled {
    HEALTHY("健康"),
    CHRONIC("长期慢性病"),
    MAJOR_ILLNESS("大病"),
    DISABLED("残疾");

    private final String label;

    HealthStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
