package cn.fpjc.core.assistance.payment;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A payment period: a year "2025", a half-year "2025-H1"/"2025-H2" or a month "2025-03". */
public final class Period {
    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(H[12]|0[1-9]|1[0-2]))?");

    private Period() {
    }

    /** Why {@code text} is not a period (Chinese), or empty when it is one. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("请填写发放期间（如2025、2025-H1或2025-03）");
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.of("发放期间的格式应为年份（2025）、半年（2025-H1、2025-H2）或月份（2025-03）");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2099) {
            return Optional.of("发放期间的年份应在2000—2099之间");
        }
        return Optional.empty();
    }

    /** The year of a valid period. */
    public static int year(String period) {
        return Integer.parseInt(period.substring(0, 4));
    }

    /** How people read it: 2025年, 2025年上半年, 2025年3月. */
    public static String label(String period) {
        if (period.length() == 4) {
            return period + "年";
        }
        String rest = period.substring(5);
        return switch (rest) {
            case "H1" -> period.substring(0, 4) + "年上半年";
            case "H2" -> period.substring(0, 4) + "年下半年";
            default -> period.substring(0, 4) + "年" + Integer.parseInt(rest) + "月";
        };
    }
}
