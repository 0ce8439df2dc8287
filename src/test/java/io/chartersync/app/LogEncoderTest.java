package io.chartersync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The program's own {@code logback.xml}, loaded into a logging context of the test's: with {@code
 * LOG_FORMAT=json} every line is one JSON object with the event's key-value pairs as fields and a stack
 * trace as {@code error}; unset, a text line with {@code key=value} pairs, quoted where needed.
 */
class LogEncoderTest {
    private static final UUID BOOKING = UUID.fromString("4903a08a-df4f-4dc2-8c21-758c6e0fa8ef");

    @Test
    void with_log_format_json_every_line_is_a_json_object_with_the_pairs_as_fields() throws Exception {
        List<String> lines = logged("json").lines().toList();

        assertThat(lines).hasSize(2);
        JsonNode event = Json.mapper().readTree(lines.get(0));
        assertThat(event.get("level").asText()).isEqualTo("WARN");
        assertThat(event.get("logger").asText()).isEqualTo("chartersync.bookings");
        assertThat(event.get("message").asText()).isEqualTo("booking sync failed");
        assertThat(event.get("event").asText()).isEqualTo("sync_failed");
        assertThat(event.get("booking_id").asText()).isEqualTo(BOOKING.toString());
        assertThat(event.get("version").asInt()).isEqualTo(2);
        assertThat(event.get("reason").asText()).isEqualTo("the boat \"JADA\" is taken");
        assertThat(event.get("kv_time").asText()).isEqualTo("clashing");
        assertThat(event.has("time")).isTrue();
        JsonNode failure = Json.mapper().readTree(lines.get(1));
        assertThat(failure.get("message").asText()).isEqualTo("step failed: 3");
        assertThat(failure.get("error").asText())
                .startsWith("java.lang.IllegalStateException: a bug")
                .contains("at io.chartersync.app.LogEncoderTest");
    }

    @Test
    void without_log_format_lines_are_text_with_key_value_pairs_and_the_stack_trace_after() throws Exception {
        List<String> lines = logged("text").lines().toList();

        assertThat(lines.get(0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*");
        assertThat(lines.get(0).substring(13))
                .isEqualTo("WARN  chartersync.bookings - booking sync failed event=sync_failed booking_id=" + BOOKING
                        + " version=2 reason=\"the boat \\\"JADA\\\" is taken\" time=clashing");
        assertThat(lines.get(1)).contains("INFO  ").endsWith("LogEncoderTest - step failed: 3");
        assertThat(lines.get(2)).isEqualTo("java.lang.IllegalStateException: a bug");
        assertThat(lines.get(3)).contains("at io.chartersync.app.LogEncoderTest");
    }

    @Test
    void log_format_accepts_text_and_json_only() {
        assertThat(LogEncoder.isJson(" JSON ")).isTrue();
        assertThat(LogEncoder.isJson("text")).isFalse();
        assertThat(catchThrowable(() -> AppConfig.from(Map.of("LOG_FORMAT", "xml"), Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("LOG_FORMAT must be text or json, was xml");
    }

    /** What the program's configuration writes, with {@code LOG_FORMAT} as given, for two events. */
    private static String logged(String format) throws JoranException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("LOG_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogEncoderTest.class.getResource("/logback.xml"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ((OutputStreamAppender<?>) root.getAppender("STDERR")).setOutputStream(out);
        context.getLogger("chartersync.bookings")
                .atWarn()
                .setMessage("booking sync failed")
                .addKeyValue("event", "sync_failed")
                .addKeyValue("booking_id", BOOKING)
                .addKeyValue("version", 2)
                .addKeyValue("reason", "the boat \"JADA\" is taken")
                .addKeyValue("time", "clashing")
                .log();
        context.getLogger("io.chartersync.app.LogEncoderTest")
                .info("step failed: {}", 3, new IllegalStateException("a bug"));
        context.stop();
        return out.toString(StandardCharsets.UTF_8);
    }
}
