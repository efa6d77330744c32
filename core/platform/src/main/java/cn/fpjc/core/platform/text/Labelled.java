package cn.fpjc.core.platform.text;

import java.util.Arrays;
import java.util.List;

/** A registry enumeration with a Chinese label; files and forms may use either the English name or the label. */
public interface Labelled {
    String label();

    String name();

    /** The constant whose name or Chinese label is {@code text} (trimmed), or null if none. */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(t) || e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        return null;
    }

    /** The Chinese labels, in order, for error messages and template drop-downs. */
    static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList();
    }
}
