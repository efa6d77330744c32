package cn.fpjc.core.platform.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads by a list of keys, in IN lists of at most {@link #SIZE} keys, in a form whose plan Hibernate keeps. Every read
 * of the product by a list of keys goes through here, but for native SQL bound to a short list (the inbox's roles, an
 * allocation page's ids), which keeps its plan either way. Updates by a list of ids (native or HQL) stay as they are:
 * Hibernate keeps no plan for an HQL update.
 *
 * <p>Hibernate keeps no plan for an HQL query with a parameter bound to a list and translates it again on every call
 * ({@code SqmInterpretationsKey.isCacheable} refuses multi-valued bindings, still so in Hibernate 7.2). Issue 17 found
 * that translation to be a fifth of a household page's CPU, more than its reads. Here {@code :keys} in the query
 * becomes single-valued parameters {@code (:keys0, …, :keysN-1)}, N rounded up to one of {@link #WIDTHS} (the last key
 * repeated, which an IN list ignores), so a query has at most eight texts, each translated once. Lists of at most
 * SIZE stay under MariaDB's {@code eq_range_index_dive_limit} (200), so the optimizer still looks at each key.
 *
 * <p>Results come chunk by chunk: a caller that needs one order across more than SIZE keys sorts them itself.
 */
public final class InLists {
    /** Keys per statement. */
    public static final int SIZE = 100;
    static final int[] WIDTHS = {1, 2, 4, 8, 16, 32, 64, SIZE};
    private static final String MARK = ":keys";
    private static final Map<String, String[]> EXPANDED = new ConcurrentHashMap<>();

    private InLists() {
    }

    /** {@link #list(EntityManager, String, Class, Collection, Consumer)} with no other parameters. */
    public static <R> List<R> list(EntityManager em, String hql, Class<R> type, Collection<?> keys) {
        return list(em, hql, type, keys, q -> {
        });
    }

    /**
     * Runs {@code hql}, which names the list once as {@code :keys} (e.g. {@code from Member where householdId in :keys}),
     * once per IN list of the distinct non-null keys; {@code bind} binds its other parameters (named, not positional).
     */
    public static <R> List<R> list(EntityManager em, String hql, Class<R> type, Collection<?> keys, Consumer<TypedQuery<R>> bind) {
        List<?> all = distinct(keys);
        List<R> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            List<?> chunk = all.subList(from, Math.min(all.size(), from + SIZE));
            int width = width(chunk.size());
            TypedQuery<R> query = em.createQuery(expand(hql, width), type);
            for (int i = 0; i < width; i++) {
                query.setParameter("keys" + i, chunk.get(Math.min(i, chunk.size() - 1)));
            }
            bind.accept(query);
            out.addAll(query.getResultList());
        }
        return out;
    }

    /**
     * Rows of native SQL that names the list as {@code (:keys)}, one statement per IN list. Native SQL keeps its plan
     * with a list bound; it is for a few columns of many rows, where loading entities (their JSON, encrypted IDs) would
     * cost more than the read.
     */
    public static List<Object[]> rows(EntityManager em, String sql, Collection<?> keys) {
        List<?> all = distinct(keys);
        List<Object[]> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            for (Object row : em.createNativeQuery(sql, Object[].class)
                    .setParameter("keys", all.subList(from, Math.min(all.size(), from + SIZE))).getResultList()) {
                out.add((Object[]) row);
            }
        }
        return out;
    }

    /**
     * (key, text) pairs by native SQL selecting the key and a text, e.g. {@code SELECT id, household_no FROM household
     * WHERE id IN (:keys)}; the first row of a key wins. A mutable map, empty for no keys.
     */
    public static <K> Map<K, String> pairs(EntityManager em, String sql, Collection<?> keys, Function<Object, K> key) {
        Map<K, String> out = new HashMap<>();
        for (Object[] r : rows(em, sql, keys)) {
            out.putIfAbsent(key.apply(r[0]), (String) r[1]);
        }
        return out;
    }

    /** A query text and its parameters, every one single-valued. */
    public record Expanded(String hql, Map<String, Object> parameters) {
    }

    /**
     * For a short, fixed list of values (e.g. the categories a programme pays): each parameter bound to a collection
     * becomes single-valued parameters {@code (:name0, :name1, …)}, so the text, and Hibernate's plan, stays the same from
     * call to call. For keys read in bulk use {@link #list}, which also splits them into IN lists.
     *
     * @throws IllegalArgumentException for an empty collection (an IN list needs a value) or a name the text lacks
     */
    public static Expanded values(String hql, Map<String, ?> parameters) {
        String text = hql;
        Map<String, Object> flat = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, ?> p : parameters.entrySet()) {
            java.util.regex.Pattern name = java.util.regex.Pattern.compile(":" + java.util.regex.Pattern.quote(p.getKey()) + "(?![\\w])");
            java.util.regex.Matcher found = name.matcher(text);
            if (!found.find()) {
                throw new IllegalArgumentException("no parameter :" + p.getKey() + " in " + hql);
            }
            if (p.getValue() instanceof Collection<?> values) {
                boolean parenthesised = false;
                do {
                    parenthesised |= parenthesised(text, found.start());
                } while (found.find());
                if (parenthesised) {
                    throw new IllegalArgumentException("write \"in :" + p.getKey() + "\", not \"in (:" + p.getKey() + ")\": " + hql);
                }
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("parameter :" + p.getKey() + " is an empty list in " + hql);
                }
                StringBuilder list = new StringBuilder("(");
                int i = 0;
                for (Object v : values) {
                    list.append(i == 0 ? "" : ", ").append(':').append(p.getKey()).append(i);
                    flat.put(p.getKey() + i++, v);
                }
                text = name.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(list.append(')').toString()));
            } else {
                flat.put(p.getKey(), p.getValue());
            }
        }
        return new Expanded(text, flat);
    }

    /** A numeric key column read as a Long, for {@link #pairs}. */
    public static Long longKey(Object value) {
        return ((Number) value).longValue();
    }

    /** A text key column, for {@link #pairs}. */
    public static String textKey(Object value) {
        return (String) value;
    }

    static int width(int count) {
        for (int w : WIDTHS) {
            if (count <= w) {
                return w;
            }
        }
        throw new IllegalArgumentException("more than " + SIZE + " keys in one list: " + count);
    }

    static String expand(String hql, int width) {
        String[] byWidth = EXPANDED.computeIfAbsent(hql, InLists::check);
        int slot = java.util.Arrays.binarySearch(WIDTHS, width);
        String text = byWidth[slot];
        if (text == null) {
            StringBuilder list = new StringBuilder("(");
            for (int i = 0; i < width; i++) {
                list.append(i == 0 ? "" : ", ").append(MARK).append(i);
            }
            text = hql.replace(MARK, list.append(')').toString());
            byWidth[slot] = text; // a race writes the same text twice
        }
        return text;
    }

    private static String[] check(String hql) {
        int at = hql.indexOf(MARK);
        if (at < 0 || hql.indexOf(MARK, at + 1) >= 0 || (at + MARK.length() < hql.length()
                && Character.isJavaIdentifierPart(hql.charAt(at + MARK.length()))) || parenthesised(hql, at)) {
            throw new IllegalArgumentException("the query must name its list once as " + MARK + ", as in \"id in " + MARK + "\": " + hql);
        }
        return new String[WIDTHS.length];
    }

    /** "in (:keys)" would become "in ((:keys0, :keys1))", a tuple to Hibernate: the list brings its own parentheses. */
    private static boolean parenthesised(String text, int at) {
        int before = at - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        return before >= 0 && text.charAt(before) == '(';
    }

    private static List<?> distinct(Collection<?> keys) {
        return keys.stream().filter(Objects::nonNull).distinct().toList(); // a null matches nothing in an IN list
    }
}
