package cn.fpjc.core.assistance.programme;

import java.util.List;

/**
 * The assistance-programme SPI: one policy that gives a member (or a household through a member) something — who is
 * entitled, how much, and when. Core ships the generic programmes (雨露计划, 务工交通补助, …) as beans implementing this;
 * the programme modules (富农产业贷, photovoltaic, relocation follow-up) implement it the same way.
 *
 * <p>Contract: every decision explains itself. {@link #assess} returns one {@link RuleResult} per rule, passed or not,
 * each naming the parameter it used, the value and its source; a value the policy has not set for the year is never
 * guessed — the rule is {@link RuleResult.Outcome#NOT_SET} and the decision {@link Decision.Status#UNDETERMINED}.
 */
public interface AssistanceProgramme {
    /** Stable id, lower-case with dashes (e.g. "yulu"): the programme's name in URLs, payments and exports. */
    String id();

    /** Chinese name as people know it, e.g. 雨露计划. */
    String name();

    /** What it gives, to whom, in one Chinese sentence. */
    String summary();

    /** The parameters the programme reads, in the order the programme list shows them. */
    List<String> parameterKeys();

    /**
     * The members who could possibly qualify, as a JPQL condition over {@code m} (Member) and {@code h} (Household) with
     * named parameters: a pre-filter the database can use (e.g. the schooling stage), so that the county-wide
     * 应享未享 list does not assess every member. It must never leave out someone {@link #assess} would accept.
     */
    Candidates candidates();

    /** The decision for one member in one year, with every rule's result. */
    Decision assess(Candidate who, ProgrammeRules rules);

    /**
     * True when the decision's amount is a ceiling and the application states the actual cost (e.g. a fare): the amount
     * granted is the lower of the two ("实际…不足的，据实补助").
     */
    default boolean actualCostUpToAmount() {
        return false;
    }

    /**
     * True for a programme a household receives once, whoever applies (e.g. 危房改造: one house): a second application of
     * the household, in any year, is refused while an earlier one is not refused.
     */
    default boolean oncePerHousehold() {
        return false;
    }

    /**
     * The parameter giving the minimum length in days of the village 公示 of the programme's recipients. Default: the
     * village notice of the monitoring procedure (national 5 days), for programmes whose policy names no period of its own.
     */
    default String noticeDaysKey() {
        return "monitoring.village-notice-days";
    }

    /**
     * How a year's amount is paid: the payment periods ("2025", "2025-H1", …) with their share and the date they are due
     * by, if the policy sets one. Default: once for the year.
     */
    default java.util.List<Instalment> instalments(int year, java.math.BigDecimal amount, ProgrammeRules rules) {
        return java.util.List.of(new Instalment(String.valueOf(year), "全年", amount, null));
    }

    /** One payment of a year's amount: its period, label, amount and due date (null when the policy sets none). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProgrammeInstalment")
    record Instalment(String period, String label, java.math.BigDecimal amount, java.time.LocalDate dueBy) {
    }

    /** A JPQL condition and its parameters (see {@link #candidates()}). */
    record Candidates(String condition, java.util.Map<String, Object> parameters) {
    }
}
