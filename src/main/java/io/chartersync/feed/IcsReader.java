package io.chartersync.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lexical layer of RFC 5545, written for what marketplaces really send: UTF-8 with or without a BOM,
 * CRLF, LF or CR line ends, folded lines (a line starting with a space or a tab continues the one before),
 * components nested with BEGIN/END. It is lenient inside a component (a line it cannot read as
 * {@code NAME;PARAM=VALUE:value} is ignored) and strict about the frame: the body must start with
 * BEGIN:VCALENDAR and every BEGIN must have its END, so an HTML error page, JSON or a truncated download is
 * refused as a whole rather than read as "no events".
 */
final class IcsReader {
    private IcsReader() {}

    /** One content line: its name in upper case, its parameters (names in upper case, quotes removed), value. */
    record Line(String name, Map<String, String> params, String value) {
        Optional<String> param(String key) {
            return Optional.ofNullable(params.get(key));
        }
    }

    /** A component: its name (VCALENDAR, VEVENT, VTIMEZONE...), its lines and the components inside it. */
    record Component(String name, List<Line> lines, List<Component> children) {
        Optional<Line> first(String property) {
            return lines.stream().filter(l -> l.name().equals(property)).findFirst();
        }

        List<Component> children(String childName) {
            return children.stream().filter(c -> c.name().equals(childName)).toList();
        }
    }

    /** The VCALENDAR components of the body (usually one). */
    static List<Component> read(byte[] body) throws FeedFailure {
        List<String> lines = decode(unfold(body)).lines().toList();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw unparsable("the file is empty");
        }
        if (!isBegin(lines.get(first), "VCALENDAR")) {
            throw unparsable(notICalendar(lines.get(first)));
        }
        List<Component> calendars = new ArrayList<>();
        Deque<Builder> open = new ArrayDeque<>();
        for (int i = first; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.isBlank()) {
                continue;
            }
            Optional<Line> parsed = parseLine(raw);
            if (parsed.isEmpty()) {
                continue;
            }
            Line line = parsed.get();
            String value = line.value().trim().toUpperCase(Locale.ROOT);
            if (line.name().equals("BEGIN")) {
                if (open.isEmpty() && !value.equals("VCALENDAR")) {
                    throw unparsable("the file has a BEGIN:" + shortName(value) + " outside VCALENDAR");
                }
                open.push(new Builder(value));
            } else if (line.name().equals("END")) {
                if (open.isEmpty() || !open.peek().name.equals(value)) {
                    throw unparsable("the file has an END:" + shortName(value) + " that closes nothing");
                }
                Component done = open.pop().build();
                if (open.isEmpty()) {
                    calendars.add(done);
                } else {
                    open.peek().children.add(done);
                }
            } else if (!open.isEmpty()) {
                open.peek().lines.add(line);
            }
        }
        if (!open.isEmpty()) {
            throw unparsable("the file is cut short: BEGIN:" + shortName(open.peek().name) + " has no END");
        }
        return calendars;
    }

    private static String decode(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Joins folded lines (RFC 5545 3.1: a line end then one space or tab) on the bytes, before decoding: a
     * fold may split a UTF-8 character (the RFC folds at 75 octets, and some writers do split them).
     */
    static byte[] unfold(byte[] body) {
        byte[] out = new byte[body.length];
        int o = 0;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            int end = b == '\r' && i + 1 < body.length && body[i + 1] == '\n' ? i + 1 : i;
            if ((b == '\r' || b == '\n') && end + 1 < body.length && isFoldSpace(body[end + 1])) {
                i = end + 1;
            } else {
                out[o++] = b;
            }
        }
        return Arrays.copyOf(out, o);
    }

    private static boolean isFoldSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    /** {@code NAME *(";" param) ":" value}; parameter values may be quoted (and then hold ; : and ,). */
    static Optional<Line> parseLine(String raw) {
        int i = 0;
        int n = raw.length();
        while (i < n && isNameChar(raw.charAt(i))) {
            i++;
        }
        if (i == 0 || i == n || (raw.charAt(i) != ';' && raw.charAt(i) != ':')) {
            return Optional.empty();
        }
        String name = raw.substring(0, i).toUpperCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        while (i < n && raw.charAt(i) == ';') {
            int eq = raw.indexOf('=', i);
            if (eq < 0) {
                return Optional.empty();
            }
            String key = raw.substring(i + 1, eq).trim().toUpperCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            i = eq + 1;
            boolean quoted = false;
            while (i < n) {
                char c = raw.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == ';' || c == ':')) {
                    break;
                } else {
                    value.append(c);
                }
                i++;
            }
            params.putIfAbsent(key, value.toString().trim());
        }
        if (i >= n || raw.charAt(i) != ':') {
            return Optional.empty();
        }
        return Optional.of(new Line(name, Map.copyOf(params), raw.substring(i + 1)));
    }

    /** A TEXT value with its escapes (backslash with n, N, comma, semicolon, backslash) undone. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean isBegin(String line, String component) {
        return parseLine(line)
                .filter(l -> l.name().equals("BEGIN"))
                .filter(l -> l.value().trim().equalsIgnoreCase(component))
                .isPresent();
    }

    /** Words for an operator; never the body itself (it may hold anything, the URL's secret included). */
    private static String notICalendar(String firstLine) {
        String start = firstLine.stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<")) {
            return "the server sent an HTML or XML page, not an iCalendar file";
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return "the server sent JSON, not an iCalendar file";
        }
        return "the file is not an iCalendar file (it does not start with BEGIN:VCALENDAR)";
    }

    private static String shortName(String name) {
        String clean = name.replaceAll("[^A-Z0-9-]", "");
        return clean.length() > 20 ? clean.substring(0, 20) : clean;
    }

    private static FeedFailure unparsable(String message) {
        return new FeedFailure(FeedFailure.Kind.UNPARSABLE, message);
    }

    private static final class Builder {
        final String name;
        final List<Line> lines = new ArrayList<>();
        final List<Component> children = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        Component build() {
            return new Component(name, List.copyOf(lines), List.copyOf(children));
        }
    }
}
