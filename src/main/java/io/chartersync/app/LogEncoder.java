package io.chartersync.app;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.event.KeyValuePair;

/**
 * Every log line, in one of two forms chosen by {@code LOG_FORMAT} (see {@code logback.xml}): {@code text}
 * (the default), the pattern followed by the event's key-value pairs as {@code key=value} (quoted when the
 * value has a space, a quote or an equals sign), and the stack trace on the lines after; or {@code json},
 * one JSON object per line: {@code time}, {@code level}, {@code logger}, {@code thread}, {@code message},
 * then each key-value pair as a field of its own, and {@code error} (the stack trace) when there is one.
 * What a line may hold is decided where it is logged: ids, versions, boats, steps and reasons, never
 * revenue, notes, guest contacts, tokens or bodies.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {
    /** The fields every JSON line has; a key-value pair of the same name is written with a {@code kv_} prefix. */
    private static final List<String> FIELDS = List.of("time", "level", "logger", "thread", "message", "error");

    private static final Pattern BARE = Pattern.compile("[^\\s\"=]+");
    private static final JsonFactory JSON = new JsonFactory();

    private final PatternLayout layout = new PatternLayout();
    private String pattern = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg";
    private boolean json;

    /** The text form's pattern, without the line break (the key-value pairs and the stack trace follow it). */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    /** {@code json} (any case) for JSON lines; anything else is text ({@code AppConfig} refuses other values). */
    public void setFormat(String format) {
        this.json = isJson(format);
    }

    static boolean isJson(String format) {
        return format != null && format.strip().toLowerCase(Locale.ROOT).equals("json");
    }

    @Override
    public void start() {
        layout.setContext(getContext());
        // The stack trace is written after the key-value pairs, not by the layout.
        layout.setPattern(pattern + "%nopex");
        layout.start();
        super.start();
    }

    @Override
    public void stop() {
        layout.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = json ? json(event) : text(event);
        return line.getBytes(StandardCharsets.UTF_8);
    }

    private String text(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(layout.doLayout(event));
        for (KeyValuePair pair : pairs(event)) {
            String value = String.valueOf(pair.value);
            out.append(' ').append(pair.key).append('=');
            if (BARE.matcher(value).matches()) {
                out.append(value);
            } else {
                out.append('"')
                        .append(value.replace("\\", "\\\\")
                                .replace("\"", "\\\"")
                                .replace("\n", "\\n"))
                        .append('"');
            }
        }
        out.append(System.lineSeparator());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            out.append(ThrowableProxyUtil.asString(thrown)).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String json(ILoggingEvent event) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField(
                    "time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("thread", event.getThreadName());
            g.writeStringField("message", event.getFormattedMessage());
            for (KeyValuePair pair : pairs(event)) {
                String key = FIELDS.contains(pair.key) ? "kv_" + pair.key : pair.key;
                switch (pair.value) {
                    case Integer i -> g.writeNumberField(key, i);
                    case Long l -> g.writeNumberField(key, l);
                    case Boolean b -> g.writeBooleanField(key, b);
                    case null -> g.writeNullField(key);
                    default -> g.writeStringField(key, pair.value.toString());
                }
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                g.writeStringField("error", ThrowableProxyUtil.asString(thrown));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a log line as JSON", e);
        }
        return out.append(System.lineSeparator()).toString();
    }

    private static List<KeyValuePair> pairs(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        return pairs == null ? List.of() : pairs;
    }
}
