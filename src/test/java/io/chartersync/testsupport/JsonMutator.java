package io.chartersync.testsupport;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded mutations of a JSON body, for fuzzing: every field (object member or array element, at any depth)
 * is replaced by values of other types, extremes, control characters, lone surrogates, deep nesting and
 * huge strings, or removed, or given a duplicate or an unknown sibling; and the whole body is cut short,
 * followed by garbage, mis-encoded or sent as another media type. Replacements are raw JSON text, so
 * numbers no parser can hold ({@code 1e-2147483648}) and duplicate keys can be sent.
 */
public final class JsonMutator {
    /** One request body to send: what it is, its bytes, and its Content-Type (null: none). */
    public record Case(String description, byte[] body, String contentType) {}

    private static final String JSON = "application/json";
    private static final String SLOT = "__fuzz_slot_7f3a__";
    private static final String EXTRA = "__fuzz_extra_7f3a__";

    /** Replacement values, as raw JSON text. */
    private static final List<String> VALUES = List.of(
            "null",
            "true",
            "false",
            "0",
            "-0",
            "-1",
            "1.5",
            "0.00001",
            "1e308",
            "-1e308",
            "1e-2147483648",
            "1e2147483647",
            "1E+99",
            "2147483648",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "9".repeat(150),
            "0." + "0".repeat(120) + "1",
            "\"\"",
            "\" \"",
            "\"NaN\"",
            "\"-Infinity\"",
            "\"-0\"",
            "\"1e999\"",
            "\"0x10\"",
            "\"\uff12\uff10\uff12\uff14\"",
            "{}",
            "[]",
            "[null]",
            "[[]]",
            "{\"a\": {}}",
            "[".repeat(31) + "]".repeat(31),
            "[".repeat(40) + "]".repeat(40),
            "{\"a\":".repeat(40) + "1" + "}".repeat(40),
            "\"\\u0000\"",
            "\"a\\u0000b\"",
            "\"\\u0007\"",
            "\"\\u001b[31m\"",
            "\"\\u007f\"",
            "\"\\u0085\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\udc00\\ud800\"",
            "\"\\u202eevil\"",
            "\"\\ud83d\\udea4 \u26f5\"",
            "\"e\\u0301\\u200d\"",
            "\"\u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd\"",
            "\"line\\r\\nBcc: someone@example.com\"",
            "\"\\t\"",
            "\"'; drop table booking; --\"",
            "\"<script>alert(1)</script>\"",
            "\"%00\"",
            "\"../../etc/passwd\"",
            "\"2024-02-30T09:00:00\"",
            "\"+10000-01-01T00:00:00\"",
            "\"-0001-01-01\"",
            "\"2024-05-30T09:00:00+25:00\"",
            "\"America/Nowhere\"",
            "\"captain-1\"",
            "\"1-1-1-1-1\"",
            "\"00000000-0000-0000-0000-000000000000\"");

    private final Random random;

    public JsonMutator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code perField} mutations of every field of {@code base}, then whole-body mutations; in a seeded order. */
    public List<Case> cases(ObjectNode base, int perField) {
        List<Case> cases = new ArrayList<>();
        for (JsonPointer field : fields(base, JsonPointer.empty())) {
            for (int i = 0; i < perField; i++) {
                cases.add(mutate(base, field));
            }
        }
        cases.addAll(wholeBody(base));
        return cases;
    }

    private Case mutate(ObjectNode base, JsonPointer field) {
        int kind = random.nextInt(VALUES.size() + 6);
        if (kind < VALUES.size()) {
            String value = VALUES.get(kind);
            return replaced(base, field, value, field + " = " + abbreviate(value));
        }
        JsonNode original = base.at(field);
        return switch (kind - VALUES.size()) {
            case 0 -> json(field + " removed", render(without(base, field)));
            case 1 -> replaced(base, field, "\"" + "x".repeat(3000) + "\"", field + " = 3000 characters");
            case 2 ->
                replaced(
                        base,
                        field,
                        "\"" + "\\u00e9".repeat(150_000) + "\"",
                        field + " = 150000 characters, near the body limit");
            case 3 -> {
                String text = original.isTextual() ? original.asText() : original.toString();
                yield replaced(base, field, TextNode.valueOf(text + "\u0000").toString(), field + " + NUL");
            }
            case 4 -> sibling(base, field);
            default ->
                replaced(base, field, TextNode.valueOf(original.toString()).toString(), field + " as a string");
        };
    }

    /** An unknown member next to the field (or a duplicate of it, when the field is an object member). */
    private Case sibling(ObjectNode base, JsonPointer field) {
        ObjectNode copy = base.deepCopy();
        JsonNode parent = copy.at(field.head());
        String value = VALUES.get(random.nextInt(VALUES.size()));
        if (parent instanceof ObjectNode object) {
            String key = field.last().getMatchingProperty();
            boolean duplicate = random.nextBoolean();
            ObjectNode reordered = object.objectNode();
            reordered.put(EXTRA, SLOT);
            reordered.setAll(object);
            object.removeAll();
            object.setAll(reordered);
            String name = duplicate ? key : "unknown_field";
            String body = render(copy).replace("\"" + EXTRA + "\":\"" + SLOT + "\"", "\"" + name + "\":" + value);
            return json(
                    field + (duplicate ? " twice, first = " : " with an unknown sibling = ") + abbreviate(value), body);
        }
        ((ArrayNode) parent).add(SLOT);
        return json(field.head() + " with an extra element " + abbreviate(value), slot(render(copy), value));
    }

    private List<Case> wholeBody(ObjectNode base) {
        String body = render(base);
        int cut = 1 + random.nextInt(body.length() - 1);
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        byte[] invalid = body.replaceFirst(":\"", ":\"\u0001\u0002").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < invalid.length; i++) {
            if (invalid[i] == 1 && invalid[i + 1] == 2) {
                invalid[i] = (byte) 0xC3;
                invalid[i + 1] = (byte) 0x28;
                break;
            }
        }
        List<Case> cases = new ArrayList<>(List.of(
                json("trailing garbage", body + " garbage"),
                json("two documents", body + body),
                json("cut short at " + cut, body.substring(0, cut)),
                json("empty", ""),
                json("null", "null"),
                json("an array", "[" + body + "]"),
                json("a string", "\"" + body.replace("\"", "'") + "\""),
                json("a number that overflows", "1e-2147483648"),
                json("nested 5000 deep", "[".repeat(5000) + "]".repeat(5000)),
                new Case("invalid UTF-8", invalid, JSON),
                new Case(
                        "a UTF-8 byte order mark first",
                        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8),
                        JSON),
                new Case("UTF-16", body.getBytes(StandardCharsets.UTF_16), JSON),
                new Case("sent as text/plain", utf8, "text/plain"),
                new Case("sent as a form", utf8, "application/x-www-form-urlencoded"),
                new Case("sent as multipart", utf8, "multipart/form-data; boundary=x"),
                new Case("sent as JSON in Latin-1", utf8, "application/json; charset=iso-8859-1")));
        for (Map.Entry<String, JsonNode> member : base.properties()) {
            cases.add(json(
                    "/" + member.getKey() + " twice, first = null",
                    "{\"" + member.getKey() + "\":null," + body.substring(1)));
            break;
        }
        return cases;
    }

    /** Every member and element of {@code node}, depth first, as pointers. */
    private static List<JsonPointer> fields(JsonNode node, JsonPointer at) {
        List<JsonPointer> out = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonPointer child = at.appendProperty(name);
                out.add(child);
                out.addAll(fields(node.get(name), child));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonPointer child = at.appendIndex(i);
                out.add(child);
                out.addAll(fields(node.get(i), child));
            }
        }
        return out;
    }

    private static Case replaced(ObjectNode base, JsonPointer field, String rawValue, String description) {
        ObjectNode copy = base.deepCopy();
        JsonNode parent = copy.at(field.head());
        if (parent instanceof ObjectNode object) {
            object.put(field.last().getMatchingProperty(), SLOT);
        } else {
            ((ArrayNode) parent).set(field.last().getMatchingIndex(), SLOT);
        }
        return json(description, slot(render(copy), rawValue));
    }

    private static ObjectNode without(ObjectNode base, JsonPointer field) {
        ObjectNode copy = base.deepCopy();
        JsonNode parent = copy.at(field.head());
        if (parent instanceof ObjectNode object) {
            object.remove(field.last().getMatchingProperty());
        } else {
            ((ArrayNode) parent).remove(field.last().getMatchingIndex());
        }
        return copy;
    }

    private static String slot(String rendered, String rawValue) {
        return rendered.replace("\"" + SLOT + "\"", rawValue);
    }

    private static String render(JsonNode node) {
        return node.toString();
    }

    private static Case json(String description, String body) {
        return new Case(description, body.getBytes(StandardCharsets.UTF_8), JSON);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
    }
}
