package cn.fpjc.ui.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "fpjc.ui")
public interface UiConfig {
    /** Mark the session cookie Secure; turn on wherever the UI is served over HTTPS (production). */
    @WithDefault("false")
    boolean secureCookie();
}
