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
    /** Compiled once: a bulk import checks every row (String.matches would compile it per call). */
    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("\\d{17}[\\dX]");
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
        if (!FORMAT.matcher(v).matches()) {
            throw new Invalid("身份证号应为18位（前17位为数字，末位为数字或X）");
        }
        if (checkChar(v) != v.charAt(17)) {
            throw new Invalid("身份证号校验码不正确");
        }
        if (!plausibleRegion(v.substring(0, 6))) {
            throw new Invalid("身份证号前6位不是有效的行政区划代码");
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

    /**
     * The address code (地址码, GB 11643-1999 §5.2: the code of a county-level division in GB/T 2260) is checked by its
     * shape only: a province-level first two digits and non-zero prefecture and county parts. Not against today's
     * GB/T 2260 list: a number keeps the code of its place of first issue, including codes abolished since
     * (shared/FACTS.md), and the province-level codes themselves have not changed since IDs were first issued.
     * Province codes (GB/T 2260, 省级): 11–15 华北, 21–23 东北, 31–37 华东, 41–46 中南, 50–54 西南, 61–65 西北,
     * 71 台湾, 81 香港, 82 澳门. The residence permits of 港澳台居民 carry 810000 / 820000 / 830000 (《港澳台居民居住证
     * 申领发放办法》, 国办发〔2018〕81号), the only numbers with a province-level address code. Numbers of 外国人永久居留
     * 身份证 (first digit 9, no region code) are not resident ID numbers and are refused.
     */
    static boolean plausibleRegion(String region) {
        if (region.equals("810000") || region.equals("820000") || region.equals("830000")) {
            return true;
        }
        int province = Integer.parseInt(region.substring(0, 2));
        boolean known = province >= 11 && province <= 15 || province >= 21 && province <= 23 || province >= 31 && province <= 37
                || province >= 41 && province <= 46 || province >= 50 && province <= 54 || province >= 61 && province <= 65
                || province == 71 || province == 81 || province == 82;
        return known && !region.startsWith("00", 2) && !region.startsWith("00", 4);
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
