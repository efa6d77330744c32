package cn.fpjc.core.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants as pages show them: Beijing time, to the minute. */
public final class Times {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private Times() {
    }

    public static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }
}
