package cn.fpjc.core.monitoring;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A 公示's dates as people write them ("2024-10-10 至 2024-10-14", "2024年10月10日至2024年10月14日", "2024/10/10~2024/10/14"). */
final class NoticePeriods {
    /** The minimum length of a village 公示, in calendar days with both ends counted. */
    static final String DAYS_KEY = "monitoring.village-notice-days";

    private static final String DATE = "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?";
    private static final Pattern RANGE = Pattern.compile("\\s*" + DATE + "\\s*(?:至|到|~|～|—|--|-)\\s*" + DATE + "\\s*");

    private NoticePeriods() {
    }

    /** {from, to}, or null when the text is not two dates. */
    static LocalDate[] parse(String text) {
        Matcher m = text == null ? null : RANGE.matcher(text);
        if (m == null || !m.matches()) {
            return null;
        }
        try {
            return new LocalDate[] { date(m, 1), date(m, 4) };
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate date(Matcher m, int at) {
        return LocalDate.of(Integer.parseInt(m.group(at)), Integer.parseInt(m.group(at + 1)), Integer.parseInt(m.group(at + 2)));
    }
}
