package cn.fpjc.core.assistance.payment;

import java.util.Optional;

/**
 * What payments need to know of a programme (雨露计划 "yulu", 务工交通补助 "transport-subsidy", …): whether the id is
 * known, and its Chinese name. Implemented by the programme engine; payments never invent programmes. With no
 * implementation every programme is unknown ({@link PaymentError#PAYMENT_PROGRAMME_UNKNOWN}). Several implementations
 * may coexist: the first that knows the id names it.
 */
public interface PaymentProgrammes {
    /** The programme's Chinese name, or empty when the id is not a programme of the current county. */
    Optional<String> displayName(String programmeId);

    /** False for a known programme whose money does not go to the 一卡通 (医保资助参保 pays the contribution): no batch for it. */
    default boolean paysToAccount(String programmeId) {
        return true;
    }
}
