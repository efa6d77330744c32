package cn.fpjc.core.platform.ops;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * Keeps county codes and record numbers out of the {@code uri} label of the HTTP series. A request the REST layer
 * matched is labelled with its route template ({@code /api/counties/{county}/households}), which has no digits; one
 * answered before routing with a status the binder does not fold (a 2xx or 5xx from a filter) would be labelled with its
 * raw path, and a county code there would make one series per county. Such a value becomes {@value #UNMATCHED}.
 */
@Singleton
public class UriTagGuard {
    public static final String UNMATCHED = "UNMATCHED";
    // Templates hold no numbers; codes (6, 9, 12 digits), ID numbers and record ids do.
    private static final Pattern NUMBER = Pattern.compile("\\d{2,}");

    static String guard(String uri) {
        return NUMBER.matcher(uri).find() ? UNMATCHED : uri;
    }

    @Produces
    @Singleton
    MeterFilter noNumbersInUris() {
        return MeterFilter.replaceTagValues("uri", UriTagGuard::guard);
    }
}
