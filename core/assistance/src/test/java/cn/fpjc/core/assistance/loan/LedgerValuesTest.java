package cn.fpjc.core.assistance.loan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How the bank ledger's cells are read: amounts to the fen or refused, dates in the ways banks write them. */
class LedgerValuesTest {
    @Test
    void amountsAreYuanWithAtMostTwoDecimalsBlankIsZero() {
        assertEquals(new BigDecimal("172.50"), LoanBookService.money("172.5"));
        assertEquals(new BigDecimal("1000.00"), LoanBookService.money("1,000"));
        assertEquals(new BigDecimal("0.00"), LoanBookService.money(" "));
        assertEquals(new BigDecimal("100.00"), LoanBookService.money("100.000"));
        assertNull(LoanBookService.money("1.005"));
        assertNull(LoanBookService.money("-1"));
        assertNull(LoanBookService.money("一百"));
    }

    @Test
    void datesAsTextOrExcelSerials() {
        LocalDate d = LocalDate.of(2025, 3, 6);
        assertEquals(d, LoanBookService.date("2025-03-06", false));
        assertEquals(d, LoanBookService.date("2025/3/6", false));
        assertEquals(d, LoanBookService.date("2025年3月6日", false));
        assertEquals(d, LoanBookService.date("20250306", false));
        assertEquals(d, LoanBookService.date("45722", true));
        assertNull(LoanBookService.date("2025-02-30", false));
        assertNull(LoanBookService.date("昨天", false));
    }
}
