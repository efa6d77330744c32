package cn.fpjc.core.policy.procedure;

import java.util.List;

/**
 * A procedure as data: ordered steps, each with the role that performs it, the evidence it needs
 * and an optional deadline rule. Core ships the national procedures; a province plug-in may replace
 * one for its province or for one county (variant), by id.
 *
 * @param source the seed file and section the step list follows
 */
public record ProcedureDefinition(String id, String label, String source, List<Step> steps) {

    /**
     * @param role role name (core's Roles) allowed to complete the step
     * @param evidence what must be recorded before the step counts as done (meeting record, signed authorization, …)
     * @param deadlines the clocks on the step (e.g. 5 working days after the check, and 15 days from the report)
     */
    public record Step(String id, String label, String role, List<String> evidence, List<Deadline> deadlines) {
        public List<Deadline> deadlines() {
            return deadlines == null ? List.of() : deadlines;
        }
    }

    /**
     * How long a step may take, or must last: counted from the start of the procedure or from the
     * completion of an earlier step, in the unit of the parameter (calendar days or working days).
     *
     * @param from "start" or the id of an earlier step
     * @param param catalogue key of a DAYS or WORKING_DAYS parameter
     * @param kind DEADLINE (complete within) or MIN_DURATION (last at least, e.g. a public notice)
     */
    public record Deadline(String from, String param, Kind kind) {
        public enum Kind {
            DEADLINE, MIN_DURATION
        }
    }
}
