package cn.fpjc.ui.assistance;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** What the programme pages share: the year selector, numbers read from the URL, amounts in yuan. */
final class ProgrammeYears {
    private ProgrammeYears() {
    }

    /** The years the engine answers (2020 to next year), newest first. */
    static List<Integer> years(AppClock clock) {
        return IntStream.rangeClosed(2020, clock.year() + 1).boxed().sorted(Comparator.reverseOrder()).toList();
    }

    /**
     * A number of the URL ({@code year}, {@code page}): none is null (the default); a word that is not a number is refused in
     * Chinese on the page rather than with the API's JSON 400.
     */
    static Integer number(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, what + "应为数字");
        }
    }

    /** An amount in yuan to the fen, as money is shown everywhere (the engine's amounts are exact: nothing is rounded away). */
    static String yuan(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
