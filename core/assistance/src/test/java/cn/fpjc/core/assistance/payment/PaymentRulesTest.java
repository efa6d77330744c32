package cn.fpjc.core.assistance.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small rules of payments: periods, amounts to the fen, account numbers and their mask, formula-safe cells. */
class PaymentRulesTest {
    @Test
    void periodsAreAYearAHalfYearOrAMonth() {
        for (String ok : List.of("2025", "2025-H1", "2025-H2", "2025-01", "2025-12", "2099")) {
            assertEquals(Optional.empty(), Period.problem(ok), ok);
        }
        for (String bad : List.of("", "25", "2025-H3", "2025-00", "2025-13", "2025-1", "1999", "2100", "2025/03", "2025-Q1", "２０２５")) {
            assertTrue(Period.problem(bad).isPresent(), bad);
        }
        assertEquals("2025年上半年", Period.label("2025-H1"));
        assertEquals("2025年3月", Period.label("2025-03"));
        assertEquals("2025年", Period.label("2025"));
        assertEquals(2025, Period.year("2025-H2"));
    }

    @Test
    void amountsAreToTheFenAndNeverRounded() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(new BigDecimal("1500.00"), PaymentService.amount(new BigDecimal("1500"), "a", errors));
        assertEquals(new BigDecimal("0.01"), PaymentService.amount(new BigDecimal("0.010"), "a", errors));
        assertTrue(errors.isEmpty());
        assertNull(PaymentService.amount(new BigDecimal("10.005"), "a", errors));
        assertNull(PaymentService.amount(BigDecimal.ZERO, "b", errors));
        assertNull(PaymentService.amount(new BigDecimal("-1"), "c", errors));
        assertNull(PaymentService.amount(null, "d", errors));
        assertNull(PaymentService.amount(new BigDecimal("10000000000"), "e", errors));
        assertEquals(List.of("a", "b", "c", "d", "e"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void accountNumbersAreDigitsAndShownMasked() {
        assertEquals(Optional.of("6217001234567890123"), AccountCipher.normalise(" 6217 0012-3456 7890 123 "));
        assertEquals(Optional.empty(), AccountCipher.normalise("6217x0012345"));
        assertEquals(Optional.empty(), AccountCipher.normalise("1234567"));
        assertEquals("6217***********0123", AccountCipher.mask("6217001234567890123"));
        assertEquals("1234****5678", AccountCipher.mask("123400005678"));
    }

    @Test
    void spreadsheetTextNeverStartsAFormula() {
        for (String risky : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
            assertEquals("'" + risky, BankFiles.safe(risky));
        }
        assertEquals("雨露计划", BankFiles.safe("雨露计划"));
        assertEquals("", BankFiles.safe(""));
        assertNull(BankFiles.safe(null));
    }

    @Test
    void anIdempotencyDigestDependsOnTheContent() {
        PaymentRequests.BatchInput a = new PaymentRequests.BatchInput("yulu", "2025", null,
                List.of(new PaymentRequests.Line(1L, new BigDecimal("1500"), null)));
        PaymentRequests.BatchInput same = new PaymentRequests.BatchInput("yulu", "2025", null,
                List.of(new PaymentRequests.Line(1L, new BigDecimal("1500.00"), null)));
        PaymentRequests.BatchInput other = new PaymentRequests.BatchInput("yulu", "2025", null,
                List.of(new PaymentRequests.Line(1L, new BigDecimal("1500.01"), null)));
        assertEquals(PaymentService.digestOf(a), PaymentService.digestOf(same));
        assertTrue(!PaymentService.digestOf(a).equals(PaymentService.digestOf(other)));
    }
}
