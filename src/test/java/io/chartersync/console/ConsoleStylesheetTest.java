package io.chartersync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The console's stylesheet closes every block it opens: a browser closes an unclosed one at the end of the
 * file, so every later rule would silently apply inside it (a phone-only media block once swallowed the
 * desktop board's layout).
 */
class ConsoleStylesheetTest {

    @Test
    void every_block_of_the_stylesheet_is_closed_where_it_ends() throws IOException {
        String css;
        try (InputStream in = ConsoleStylesheetTest.class.getResourceAsStream("/console/console.css")) {
            assertThat(in).as("console.css on the class path").isNotNull();
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        int depth = 0;
        int line = 1;
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                depth++;
                assertThat(depth)
                        .as("a block opened inside a rule on line %d", line)
                        .isLessThanOrEqualTo(2);
            } else if (c == '}') {
                depth--;
                assertThat(depth).as("a '}' without its '{' on line %d", line).isNotNegative();
            }
        }
        assertThat(depth).as("blocks left open at the end of console.css").isZero();
    }
}
