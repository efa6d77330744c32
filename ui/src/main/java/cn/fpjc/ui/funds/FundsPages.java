package cn.fpjc.ui.funds;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.text.Labelled;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What the funds pages share: the year selector, an enum as a list of choices (code and label), numbers typed on forms. */
public final class FundsPages {
    private FundsPages() {
    }

    /** A value of a select: the code the form sends and the label people read. */
    public record Choice(String code, String label) {
    }

    static <E extends Enum<E> & Labelled> List<Choice> choices(Class<E> type) {
        List<Choice> c = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            c.add(new Choice(e.name(), e.label()));
        }
        return c;
    }

    /** The years a funds page offers: two back, this one and the next (the library is built for next year). */
    static List<Integer> years(AppClock clock, Integer shown) {
        int now = clock.year();
        List<Integer> y = new ArrayList<>();
        for (int i = now + 1; i >= now - 2; i--) {
            y.add(i);
        }
        if (shown != null && !y.contains(shown)) {
            y.add(shown);
        }
        return y;
    }

    /** A whole number from the URL (year, page); anything else is a 400 saying which. */
    static Integer number(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, what + "应为整数");
        }
    }

    /** An amount in yuan typed on a form; a blank is null, anything unreadable is reported against {@code field}. */
    static BigDecimal amount(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "金额应为数字（元，最多两位小数）"));
            return null;
        }
    }
}
