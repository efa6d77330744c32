package cn.fpjc.ui.common;

import cn.fpjc.core.platform.web.Times;
import cn.fpjc.core.policy.source.PolicySources;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;

/** Helpers the type-safe templates call on values (Qute resolves no methods on primitives, e.g. toString). */
@TemplateExtension
public final class TemplateExtensions {
    private TemplateExtensions() {
    }

    /** An id as the text a form submits, to compare with a submitted value: {@code {m.id.text}}. */
    static String text(long value) {
        return Long.toString(value);
    }

    /**
     * A source citation as people read it — the document's title and number, never a seed file number or a file name:
     * {@code {p.source.cited}}.
     */
    static String cited(String source) {
        return PolicySources.forPeople(source);
    }

    /** A moment in Beijing time to the minute, e.g. 2026-11-30 07:48: {@code {e.occurredAt.beijing}}. */
    static String beijing(Instant instant) {
        return Times.minute(instant);
    }
}
