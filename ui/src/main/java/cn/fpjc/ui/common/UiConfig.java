package cn.fpjc.ui.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "fpjc.ui")
public interface UiConfig {
    /** Mark the session cookie Secure; turn on wherever the UI is served over HTTPS (production). */
    @WithDefault("false")
    boolean secureCookie();

    /**
     * The address people reach the site at, e.g. {@code https://fpjc.example.gov.cn}, for links printed on paper (the
     * 明白纸's QR code to the county's self-report page). Unset: the address of the request that printed it.
     */
    java.util.Optional<String> publicUrl();
}
