package cn.fpjc.ui.assistance;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;

/** The programme pages' amounts in yuan to the fen: {@code {r.amount.yuan}} (3000 → 3000.00). */
@TemplateExtension
public final class AmountExtensions {
    private AmountExtensions() {
    }

    static String yuan(BigDecimal amount) {
        return ProgrammeYears.yuan(amount);
    }

    /** An id as the text a form sends back, to compare with what was typed: {@code values.get('memberId') == m.id.text}. */
    static String text(long id) {
        return Long.toString(id);
    }
}
