package cn.fpjc.core.policy.param;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;

/** How a parameter's value is written and checked. Values are stored as text and parsed by their type. */
public enum ParamType {
    /** Yuan with at most 2 decimals (exact decimal, never floating point). */
    MONEY,
    /** Calendar days (天). */
    DAYS,
    /** Working days (工作日) on the State Council calendar. */
    WORKING_DAYS,
    /** A whole number of times or items. */
    COUNT,
    /** A percentage, e.g. 65 or 54.17. */
    PERCENT,
    /** Square metres, e.g. 18 or 13.5 (housing areas). */
    AREA,
    /** A multiple of another amount, e.g. 1.5 (times the 低保 standard). */
    MULTIPLE,
    /** A date in every year, written MM-dd (e.g. 03-31). */
    MONTH_DAY,
    /** A day of every month, 1–31. */
    DAY_OF_MONTH,
    /** Yes or no, written true/false (e.g. whether a practice is allowed or required). */
    BOOLEAN,
    /** Free text (names, lists). */
    TEXT;

    /** Null if the value is well-formed for this type, otherwise what is wrong (Chinese). */
    public String problem(String value) {
        if (value == null || value.isBlank()) {
            return "值为空";
        }
        try {
            switch (this) {
                case MONEY -> {
                    BigDecimal v = new BigDecimal(value);
                    if (v.signum() < 0 || v.scale() > 2) {
                        return "金额应为非负数，最多两位小数";
                    }
                }
                case DAYS, WORKING_DAYS, COUNT -> {
                    if (Integer.parseInt(value) < 0) {
                        return "应为非负整数";
                    }
                }
                case PERCENT -> {
                    BigDecimal v = new BigDecimal(value);
                    if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
                        return "百分比应在0—100之间";
                    }
                }
                case AREA -> {
                    if (new BigDecimal(value).signum() < 0) {
                        return "面积应为非负数";
                    }
                }
                case MULTIPLE -> {
                    if (new BigDecimal(value).signum() <= 0) {
                        return "倍数应大于0";
                    }
                }
                case MONTH_DAY -> MonthDay.parse("--" + value, DateTimeFormatter.ofPattern("--MM-dd"));
                case DAY_OF_MONTH -> {
                    int d = Integer.parseInt(value);
                    if (d < 1 || d > 31) {
                        return "应为1—31日";
                    }
                }
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return "应为 true（是）或 false（否）";
                    }
                }
                case TEXT -> {
                }
            }
            return null;
        } catch (RuntimeException e) {
            return "格式不正确：" + value;
        }
    }

    /** The value as a person reads it: 是/否 for yes-or-no, the text itself otherwise. */
    public String display(String value) {
        if (this == BOOLEAN && value != null) {
            return "true".equals(value) ? "是" : "否";
        }
        return value;
    }
}
