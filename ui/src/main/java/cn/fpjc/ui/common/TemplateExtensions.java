package cn.fpjc.ui.common;

import io.quarkus.qute.TemplateExtension;

/** Helpers the type-safe templates call on values (Qute resolves no methods on primitives, e.g. toString). */
@TemplateExtension
public final class TemplateExtensions {
    private TemplateExtensions() {
    }

    /** An id as the text a form submits, to compare with a submitted value: {@code {m.id.text}}. */
    static String text(long value) {
        return Long.toString(value);
    }
}
