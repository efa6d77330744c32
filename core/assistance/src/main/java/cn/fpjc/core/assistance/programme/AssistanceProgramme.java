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

    /**
     * Facts the application states that the registry does not hold (寄宿生; the kind of hardship), each with its choices.
     * They are validated and stored with the application, and every later check of the application assesses with them;
     * where nobody has applied (可享受政策, 应享未享) a declaration takes its default, or is absent when it has none.
     */
    default List<Declaration> declarations() {
        return List.of();
    }

    /**
     * False for a programme given only on application, for a hardship the registry cannot see (临时救助): it has no 应享未享
     * list, since nobody is entitled before they say what happened.
     */
    default boolean listsUnclaimed() {
        return true;
    }

    /** False where the policy sets no village 公示 for the programme: the county approves after the township's review. */
    default boolean noticeRequired() {
        return true;
    }

    /**
     * False where the money does not go to the member's 一卡通 (医保资助参保: the contribution is paid for them): approved
     * applications are then a list for the paying department, not a payment batch.
     */
    default boolean paidToAccount() {
        return true;
    }

    /**
     * The amount up to which the township's review is the approval (小额临时救助, reported to the county for the record), with
     * its rule; null when every application goes to the county, or when the limit's parameters are not set for the year.
     */
    default Limit townshipApprovalLimit(ProgrammeRules rules) {
        return null;
    }

    /**
     * When an application accepted on {@code accepted} must be decided, with the rule that sets it (临时救助: 15 working days,
     * 3 days for the urgent procedure); null when the policy sets no time limit, or the province has not set it.
     */
    default cn.fpjc.core.platform.calendar.Due decideBy(java.time.LocalDate accepted, java.util.Map<String, String> declared,
            ProgrammeRules rules, cn.fpjc.core.platform.calendar.WorkingDayCalendar calendar) {
        return null;
    }

    /**
     * The days in which applications for {@code year} are taken, with the rule (湖南: C、D级危房 into the year's plan before
     * May); null when the policy sets no window, or the province has not set it. An application outside it is refused.
     */
    default Window applicationWindow(int year, ProgrammeRules rules) {
        return null;
    }

    /** An application window: first and last day (either may be open, null) and the rule in Chinese with its source. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProgrammeApplicationWindow")
    record Window(java.time.LocalDate from, java.time.LocalDate to, String rule) {
        public boolean contains(java.time.LocalDate day) {
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }
    }

    /** A fact the application states: its key, Chinese label, choices, and the choice assumed before anyone applies (or null). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProgrammeDeclaration")
    record Declaration(String key, String label, List<Choice> choices, String defaultChoice) {
        public java.util.Optional<Choice> choice(String code) {
            return choices.stream().filter(c -> c.code().equals(code)).findFirst();
        }
    }

    /** One choice of a declaration: a stable code and its Chinese label. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProgrammeDeclarationChoice")
    record Choice(String code, String label) {
    }

    /** An amount limit and the rule it comes from. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProgrammeAmountLimit")
    record Limit(java.math.BigDecimal amount, String rule) {
    }

    /** One payment of a year's amount: its period, label, amount and due date (null when the policy sets none). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProgrammeInstalment")
    record Instalment(String period, String label, java.math.BigDecimal amount, java.time.LocalDate dueBy) {
    }

    /** A JPQL condition and its parameters (see {@link #candidates()}). */
    record Candidates(String condition, java.util.Map<String, Object> parameters) {
    }
}
