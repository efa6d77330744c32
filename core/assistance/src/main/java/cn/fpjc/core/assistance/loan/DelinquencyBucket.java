package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.platform.text.Labelled;

/**
 * Days past the oldest unpaid instalment, in the ranges the issue asks the loan book to show (1–30, 31–90, 91–180, over
 * 180 days). A reporting breakdown, not a policy limit: the policy's rule is the county overdue rate
 * (loan.micro.overdue-rate-max), for which any day past due counts as overdue.
 */
public enum DelinquencyBucket implements Labelled {
    CURRENT("未逾期", 0, 0),
    DAYS_1_30("逾期1—30天", 1, 30),
    DAYS_31_90("逾期31—90天", 31, 90),
    DAYS_91_180("逾期91—180天", 91, 180),
    OVER_180("逾期180天以上", 181, Integer.MAX_VALUE);

    private final String label;
    private final int from;
    private final int to;

    DelinquencyBucket(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    @Override
    public String label() {
        return label;
    }

    public static DelinquencyBucket of(long daysOverdue) {
        for (DelinquencyBucket b : values()) {
            if (daysOverdue >= b.from && daysOverdue <= b.to) {
                return b;
            }
        }
        return CURRENT; // negative: not due
    }
}
