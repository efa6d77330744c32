package cn.fpjc.core.registry;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * An 18-character resident ID number (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date,
 * 3-digit sequence whose last digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check
 * character (0–9 or X). {@link #parse} refuses anything else with a Chinese reason that never repeats
 * the number itself (so it can be shown and logged).
 */
public record IdNumber(String value) {
    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

    /** Thrown for a malformed number; the message is Chinese and contains no digits of the number. */
    public static final class Invalid extends IllegalArgumentException {
        Invalid(String reason) {
            super(reason);
        }
    }

    /**
     * Normalises (trims, upper-case x) and validates; throws {@link Invalid} with the reason. A birth date after
     * {@code today} (the county's date, {@code AppClock.today()}) is refused.
     */
    public static IdNumber parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw new Invalid("身份证号为空");
        }
        String v = raw.strip().toUpperCase();
        if (!v.matches("\\d{17}[\\dX]")) {
            throw new Invalid("身份证号应为18位（前17位为数字，末位为数字或X）");
        }
        if (checkChar(v) != v.charAt(17)) {
            throw new Invalid("身份证号校验码不正确");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new Invalid("身份证号中的出生日期不存在");
        }
        if (birth.getYear() < 1900 || birth.isAfter(today)) {
            throw new Invalid("身份证号中的出生日期不合理");
        }
        return new IdNumber(v);
    }

    /** True if {@code raw} would parse. */
    public static boolean isValid(String raw, LocalDate today) {
        try {
            parse(raw, today);
            return true;
        } catch (Invalid e) {
            return false;
        }
    }

    /** The check character for the first 17 digits of {@code v}. */
    public static char checkChar(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    /** M or F, from the parity of the 17th digit. */
    public String sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    public String region() {
        return value.substring(0, 6);
    }

    /** The form shown everywhere outside an audited reveal: region, eight stars, last four. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String value) {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        // Records print their fields; this one must never print the number.
        return "IdNumber[" + masked() + "]";
    }
}
