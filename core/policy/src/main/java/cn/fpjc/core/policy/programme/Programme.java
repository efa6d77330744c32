package cn.fpjc.core.policy.programme;

import java.util.Optional;

/**
 * A programme module (富农产业贷, photovoltaic revenue, relocation follow-up, …): a CDI bean in its
 * own jar that province plug-ins enable by id. It owns its tables (its changelog is applied only to
 * the tenants whose province enables it) and its REST resources under
 * /api/counties/{county}/programmes/{id}/…, which call {@link Programmes#requireEnabled} first.
 */
public interface Programme {
    /** Stable id, lower-case with dashes, e.g. "funong-loan"; tables are prefixed prg_ + id with underscores. */
    String id();

    /** Chinese name, e.g. 富农产业贷. */
    String displayName();

    /** Classpath location of the programme's own Liquibase changelog, if it has tables. */
    default Optional<String> changelog() {
        return Optional.empty();
    }
}
