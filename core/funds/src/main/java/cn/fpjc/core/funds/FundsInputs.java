package cn.fpjc.core.funds;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Checks of the funds module's inputs: one field error each, in Chinese, named by the request field. */
public final class FundsInputs {
    /** The largest amount a single funds record may carry (one hundred billion yuan), far above any county's allocation. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");

    private FundsInputs() {
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError(field, message)));
    }

    public static String required(String text, String field, String message, int max) {
        if (text == null || text.isBlank()) {
            throw invalid(field, message);
        }
        if (text.strip().length() > max) {
            throw invalid(field, "不超过 " + max + " 个字");
        }
        return text.strip();
    }

    public static String optional(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > max) {
            throw invalid(field, "不超过 " + max + " 个字");
        }
        return text.strip();
    }

    /** A positive amount in yuan with at most two decimals (to the fen). */
    public static BigDecimal money(BigDecimal value, String field, String label) {
        if (value == null || value.signum() <= 0 || value.scale() > 2 || value.compareTo(MAX_AMOUNT) > 0) {
            throw invalid(field, "请填写" + label + "（元）：大于 0、最多两位小数");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A fund year the product can hold (the policy documents start in 2021). */
    public static int year(Integer year, String field) {
        if (year == null || year < 2021 || year > 2100) {
            throw invalid(field, "请填写资金年度（2021 年以后的四位年份）");
        }
        return year;
    }

    /** An amount as people read it: 1,234,567.80 → "1234567.8". */
    public static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /** {@code part} as a percent of {@code whole}, to two decimals, rounded half up; null when the whole is zero. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
