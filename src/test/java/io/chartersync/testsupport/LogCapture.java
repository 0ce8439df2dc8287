package io.chartersync.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every event the program logs from now until {@link #close()}, through the program's own logback
 * configuration (so only what production would write), as text: level, logger, the formatted message and
 * the whole throwable (class, message, stack, causes, suppressed); key-value pairs as {@code key=value}.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger root;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        appender.setName("log-capture");
        appender.start();
        root.addAppender(appender);
    }

    /** The events at {@code level} or above, so far. */
    public List<ILoggingEvent> atLeast(Level level) {
        synchronized (appender) {
            return appender.list.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(level))
                    .toList();
        }
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /**
     * One entry per event: {@code LEVEL logger - message key=value…}, then the throwable as a stack trace
     * prints it.
     */
    public List<String> events() {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        return events.stream().map(LogCapture::render).toList();
    }

    public String text() {
        return String.join("\n", events());
    }

    private static String render(ILoggingEvent event) {
        StringBuilder out = new StringBuilder()
                .append(event.getLevel())
                .append(' ')
                .append(event.getLoggerName())
                .append(" - ")
                .append(event.getFormattedMessage());
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs()
                    .forEach(
                            pair -> out.append(' ').append(pair.key).append('=').append(pair.value));
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            out.append('\n').append(ThrowableProxyUtil.asString(thrown));
        }
        return out.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
