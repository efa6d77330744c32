package cn.fpjc.core.platform.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Bounds every value a JSON body can carry before it reaches a service or the database, in one place for every
 * endpoint: a text longer than {@link #MAX_TEXT} characters (a 1 MB "reason" would otherwise overflow its column or the
 * audit snapshot) and a date outside {@link #MIN_YEAR}..{@link #MAX_YEAR} (Jackson reads {@code +999999999-01-01};
 * MariaDB refuses it) are refused as {@link Refused}, which the error mappers answer with 400 naming the JSON path.
 * Modules still check their own business ranges (an income period, a birth date); this only keeps nonsense out.
 */
@Singleton
public class JsonInputLimits implements ObjectMapperCustomizer {
    /** Characters in any one JSON string: well above any form field, well below a column or audit snapshot (64 KB). */
    public static final int MAX_TEXT = 4000;
    public static final int MIN_YEAR = 1000; // MariaDB's DATE range: what the database can store; business ranges speak first
    public static final int MAX_YEAR = 9999;

    private static final Instant FIRST = LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST = LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Set<Class<?>> TEMPORALS = Set.of(LocalDate.class, LocalDateTime.class, Instant.class, OffsetDateTime.class,
            YearMonth.class, Year.class);

    /** A value refused by a bound, with the Chinese reason shown beside the field. */
    public static final class Refused extends MismatchedInputException {
        private final String reason;

        Refused(JsonParser p, String reason, Class<?> type) {
            super(p, reason, type);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("fpjc-input-limits");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription desc, JsonDeserializer<?> deser) {
                Class<?> type = desc.getBeanClass();
                return type == String.class || TEMPORALS.contains(type) ? new Bounded(deser) : deser;
            }
        });
        mapper.registerModule(module);
    }

    /** Reads with the standard deserializer, then checks the bound of the value's type. */
    private static final class Bounded extends DelegatingDeserializer {
        Bounded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Bounded(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof String s && s.length() > MAX_TEXT) {
                throw new Refused(p, "内容过长，不能超过" + MAX_TEXT + "个字（现有" + s.length() + "个字）", String.class);
            }
            Integer year = yearOf(value);
            if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
                throw new Refused(p, "日期超出范围，年份应在" + MIN_YEAR + "—" + MAX_YEAR + "之间", value.getClass());
            }
            return value;
        }

        private static Integer yearOf(Object value) {
            if (value instanceof LocalDate d) {
                return d.getYear();
            }
            if (value instanceof LocalDateTime d) {
                return d.getYear();
            }
            if (value instanceof OffsetDateTime d) {
                return d.getYear();
            }
            if (value instanceof YearMonth d) {
                return d.getYear();
            }
            if (value instanceof Year d) {
                return d.getValue();
            }
            if (value instanceof Instant i) {
                // an Instant reaches further than OffsetDateTime can show: compare before converting
                return i.isBefore(FIRST) ? MIN_YEAR - 1 : i.isBefore(AFTER_LAST) ? i.atOffset(ZoneOffset.UTC).getYear() : MAX_YEAR + 1;
            }
            return null;
        }
    }
}
