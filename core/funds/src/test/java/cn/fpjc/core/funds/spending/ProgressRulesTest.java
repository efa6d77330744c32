package cn.fpjc.core.funds.spending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** 支出进度's arithmetic: a percent to 2 decimals HALF_UP, running sums by date, met or not judged. */
class ProgressRulesTest {
    @Test
    void percentIsRoundedHalfUpToTwoDecimals() {
        // 650,000 ÷ 1,200,000 = 54.1666… → 54.17; 1 ÷ 8 = 12.5 exactly; 1 ÷ 3 → 33.33; 2 ÷ 3 → 66.67.
        assertEquals(new BigDecimal("54.17"), ProgressRules.percent(new BigDecimal("650000.00"), new BigDecimal("1200000.00")));
        assertEquals(new BigDecimal("12.50"), ProgressRules.percent(new BigDecimal("1.00"), new BigDecimal("8.00")));
        assertEquals(new BigDecimal("33.33"), ProgressRules.percent(BigDecimal.ONE, new BigDecimal("3")));
        assertEquals(new BigDecimal("66.67"), ProgressRules.percent(new BigDecimal("2"), new BigDecimal("3")));
        // 0.005 % rounds up: 1 ÷ 20,000 = 0.005 → 0.01.
        assertEquals(new BigDecimal("0.01"), ProgressRules.percent(BigDecimal.ONE, new BigDecimal("20000")));
    }

    @Test
    void nothingReceivedIsNoProgressNotZero() {
        assertNull(ProgressRules.percent(BigDecimal.ZERO, BigDecimal.ZERO));
        assertNull(ProgressRules.percent(BigDecimal.ONE, null));
    }

    @Test
    void runningSumIncludesTheDayItself() {
        NavigableMap<LocalDate, BigDecimal> paid = new TreeMap<>();
        paid.put(LocalDate.of(2024, 4, 30), new BigDecimal("100.00"));
        paid.put(LocalDate.of(2024, 5, 1), new BigDecimal("50.00"));
        paid.put(LocalDate.of(2024, 6, 10), new BigDecimal("-100.00")); // a reversal
        assertEquals(new BigDecimal("0.00"), ProgressRules.upTo(paid, LocalDate.of(2024, 4, 29)));
        assertEquals(new BigDecimal("100.00"), ProgressRules.upTo(paid, LocalDate.of(2024, 4, 30)));
        assertEquals(new BigDecimal("150.00"), ProgressRules.upTo(paid, LocalDate.of(2024, 6, 9)));
        assertEquals(new BigDecimal("50.00"), ProgressRules.upTo(paid, LocalDate.of(2024, 6, 30)));
    }

    @Test
    void metWhenReachedNotJudgedWithoutTarget() {
        assertEquals(Boolean.TRUE, ProgressRules.met(new BigDecimal("54.17"), new BigDecimal("54.17")));
        assertEquals(Boolean.FALSE, ProgressRules.met(new BigDecimal("54.16"), new BigDecimal("54.17")));
        assertEquals(Boolean.FALSE, ProgressRules.met(null, new BigDecimal("30")));
        assertNull(ProgressRules.met(new BigDecimal("90"), null));
    }

    @Test
    void checkpointsFallOnTheirDaysInOrder() {
        assertEquals(LocalDate.of(2024, 7, 15), ProgressRules.POINTS.get(2).dueIn(2024));
        assertEquals(LocalDate.of(2024, 10, 15), ProgressRules.POINTS.get(4).dueIn(2024));
        for (int i = 1; i < ProgressRules.POINTS.size(); i++) {
            assertEquals(true, ProgressRules.POINTS.get(i - 1).dueIn(2024).isBefore(ProgressRules.POINTS.get(i).dueIn(2024)));
        }
    }
}
