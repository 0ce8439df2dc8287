package io.chartersync.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code list [--attention]}: the bookings of a running server as a table, newest received first, every page
 * of {@code GET /api/bookings} followed; with {@code --attention} only those that need the operator, each
 * with what needs them ({@code attention}) on the lines below it.
 */
@Command(name = "list", description = "List the bookings of a running server (newest first).")
final class ListCommand implements Runnable {
    /** The largest page the API serves. */
    private static final int PAGE = 100;

    private static final List<String> HEADINGS =
            List.of("ID", "STATE", "START", "BOAT", "GUEST", "PARTY", "SOURCE/EXTERNAL ID");

    @Mixin
    ClientOptions options;

    @Option(names = "--attention", description = "Only the bookings that need attention, with what needs it")
    boolean attention;

    /** Bookings asked for a page; only tests change it, to see pages followed without a hundred bookings. */
    @Option(names = "--page-size", hidden = true, defaultValue = "" + PAGE)
    int pageSize;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        ApiClient client = options.client();
        List<JsonNode> bookings = new ArrayList<>();
        String after = null;
        do {
            String path = "/api/bookings?limit=" + pageSize + (attention ? "&attention=true" : "")
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            JsonNode page = client.expectOk("GET", path, null);
            page.path("bookings").forEach(bookings::add);
            after = page.path("next").isTextual() ? page.get("next").asText() : null;
        } while (after != null);
        PrintWriter out = spec.commandLine().getOut();
        out.print(table(bookings, attention));
        out.flush();
    }

    /** The table, one booking a line under the headings, then how many; with attention items below each. */
    static String table(List<JsonNode> bookings, boolean attention) {
        if (bookings.isEmpty()) {
            return attention ? "No booking needs attention.\n" : "No bookings.\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        bookings.forEach(b -> rows.add(row(b)));
        int[] widths = new int[HEADINGS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append(line(rows.get(r), widths)).append('\n');
            if (attention && r > 0) {
                for (JsonNode item : bookings.get(r - 1).path("attention")) {
                    out.append("    ")
                            .append(item.path("kind").asText())
                            .append(": ")
                            .append(item.path("detail").asText())
                            .append(" (since ")
                            .append(item.path("since").asText())
                            .append(")\n");
                }
            }
        }
        int n = bookings.size();
        out.append(n)
                .append(n == 1 ? " booking" : " bookings")
                .append(attention ? (n == 1 ? " needs" : " need") + " attention" : "")
                .append('\n');
        return out.toString();
    }

    private static List<String> row(JsonNode status) {
        JsonNode b = status.path("booking");
        return List.of(
                status.path("id").asText(),
                status.path("state").asText() + (status.path("attention").isEmpty() ? "" : " (!)"),
                start(b),
                text(b.path("boat")),
                text(b.path("guest").path("name")),
                text(b.path("guest").path("party_size")),
                status.path("source").asText() + "/"
                        + status.path("external_id").asText());
    }

    /** {@code 2024-05-30 09:00} on the booking's own clock, as it was booked. */
    private static String start(JsonNode booking) {
        String start = booking.path("start").asText("");
        if (start.length() < 16) {
            return start.isEmpty() ? "-" : start;
        }
        return start.substring(0, 10) + " " + start.substring(11, 16);
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? "-" : value.asText();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(cells.get(i));
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
            }
        }
        return line.toString();
    }
}
