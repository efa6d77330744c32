package cn.fpjc.core.assistance.payment;

import cn.fpjc.core.assistance.payment.PaymentRequests.Line;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sorts the lines a source (approved applications, a month's payroll) wants paid into those a batch can take now and
 * those it cannot, each with the reason — so that one household without a 一卡通, or a member who has left, does not
 * block everyone else's payment. A member already instructed for the programme and period (any instruction not
 * cancelled: a failed one is re-issued, not paid again) is left out; a member's several lines are added into one.
 */
public final class PayableLines {
    private PayableLines() {
    }

    /** What can be paid, and who was left out and why (户编号 姓名：reason). */
    public record Sorted(List<Line> payable, List<String> skipped) {
    }

    public static Sorted sort(String programmeId, String period, List<Line> wanted) {
        Set<Long> instructed = new HashSet<>(PaymentInstruction.<PaymentInstruction>list("programmeId = ?1 and period = ?2 and status <> ?3",
                programmeId, period, InstructionStatus.CANCELLED).stream().map(i -> i.memberId).toList());
        Map<Long, Line> byMember = new LinkedHashMap<>();
        for (Line l : wanted) {
            byMember.merge(l.memberId(), l, (a, b) -> new Line(a.memberId(), a.amount().add(b.amount()), a.note()));
        }
        List<Line> payable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Line l : byMember.values()) {
            Member m = Member.findById(l.memberId());
            Household h = m == null ? null : Household.findById(m.householdId);
            String who = (h == null ? "" : h.householdNo + " ") + (m == null ? "成员" + l.memberId() : m.name) + "：";
            if (instructed.contains(l.memberId())) {
                continue; // already in a batch for this period: nothing to say
            }
            if (m == null || !m.active || h == null || !h.active) {
                skipped.add(who + "已不在册");
                continue;
            }
            HouseholdAccount account = HouseholdAccount.find("householdId", h.id).firstResult();
            if (account == null) {
                skipped.add(who + "该户尚未登记“一卡通”账户");
                continue;
            }
            Member holder = Member.findById(account.holderMemberId);
            if (holder == null || !holder.active || !holder.householdId.equals(h.id)) {
                skipped.add(who + "“一卡通”持卡人已不在本户，请先更正账户");
                continue;
            }
            if (l.amount().signum() <= 0) {
                skipped.add(who + "金额为 " + l.amount().setScale(2) + " 元");
                continue;
            }
            payable.add(new Line(l.memberId(), l.amount().setScale(2, java.math.RoundingMode.UNNECESSARY), l.note()));
        }
        return new Sorted(payable, skipped);
    }

    /** A batch note that names who was left out, so those who approve it see them (at most 500 characters). */
    public static String note(String title, List<String> skipped) {
        if (skipped.isEmpty()) {
            return title;
        }
        String text = title + "；未纳入 " + skipped.size() + " 人：" + String.join("；", skipped);
        return text.length() > 500 ? text.substring(0, 499) + "…" : text;
    }
}
