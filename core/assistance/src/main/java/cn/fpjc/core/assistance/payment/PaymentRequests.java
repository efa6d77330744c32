package cn.fpjc.core.assistance.payment;

import java.math.BigDecimal;
import java.util.List;

/** What clients (and the programme engine, from Java) send about 一卡通 accounts and payments. */
public final class PaymentRequests {
    private PaymentRequests() {
    }

    /** Sets or corrects the household's account; {@code version} as read when it already exists. */
    public record AccountInput(Long holderMemberId, String bankName, String accountNo, Long version) {
    }

    /** One payment: the beneficiary (a member), the amount in yuan to the fen (> 0, at most two decimals), a note (摘要). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PaymentLine")
    public record Line(Long memberId, BigDecimal amount, String note) {
    }

    /** A batch of one programme and period; {@code lines} may be empty (add instructions later). */
    public record BatchInput(String programmeId, String period, String note, List<Line> lines) {
    }

    /** Approve or release: the batch's version as read. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PaymentBatchDecision")
    public record Decision(Long version) {
    }

    public record Cancel(String reason, Long version) {
    }

    /** Re-issue a failed payment: into the given draft batch of the same programme and period, or (none) into a new 补发 batch. */
    public record Reissue(Long batchId, Long version) {
    }
}
