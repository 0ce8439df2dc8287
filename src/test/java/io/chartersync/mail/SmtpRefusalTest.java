package io.chartersync.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that answers 550 for one recipient: that email is failed at once with the server's reply in the
 * booking status, never retried, and the other emails of the booking go out.
 */
class SmtpRefusalTest {
    private static final String REFUSED = "crew-2@crew.example.com";
    private static final String REPLY = "550 5.1.1 mailbox unavailable";
    private static final RefusingSmtpServer smtp = RefusingSmtpServer.start(REFUSED, REPLY);

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster().withEnvironment(Map.of("SMTP_URL", smtp.url()));

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @BeforeEach
    void forget() {
        smtp.recipientsAsked.clear();
        smtp.delivered.clear();
    }

    @Test
    void a_recipient_refused_with_5xx_is_failed_at_once_with_the_reply_and_the_others_are_sent() {
        JsonNode status = app.bookings().submitAndSync(Examples.booking(), 1);

        assertThat(status.at("/emails/sent").asInt()).isEqualTo(3);
        assertThat(status.at("/emails/failed").asInt()).isEqualTo(1);
        assertThat(status.at("/emails/queued").asInt()).isZero();
        assertThat(status.at("/emails/errors")).hasSize(1);
        assertThat(status.at("/emails/errors/0/recipient").asText()).isEqualTo(REFUSED);
        assertThat(status.at("/emails/errors/0/kind").asText()).isEqualTo("invite");
        assertThat(status.at("/emails/errors/0/error").asText()).isEqualTo(REPLY);
        assertThat(status.get("state").asText()).isEqualTo("synced");
        assertThat(smtp.delivered)
                .containsExactlyInAnyOrder(
                        "captain-1@crew.example.com", "crew-1@crew.example.com", "captain-1@crew.example.com");
    }

    @Test
    void a_permanent_refusal_is_not_retried() {
        app.bookings().submitAndSync(Examples.booking(), 1);

        await().atMost(Duration.ofSeconds(5))
                .alias("no delivery task left to retry")
                .until(() -> TestDatabase.count("select count(*) from scheduled_tasks where task_name = 'deliver-mail'")
                        == 0);
        assertThat(TestDatabase.count("select attempts from mail_outbox where recipient = '" + REFUSED + "'"))
                .isEqualTo(1);
        assertThat(TestDatabase.strings("select state from mail_outbox where recipient = '" + REFUSED + "'"))
                .containsExactly("failed");
        assertThat(smtp.recipientsAsked).filteredOn(REFUSED::equals).hasSize(1);
    }

    /**
     * A hand-written SMTP server at the edge, just enough of RFC 5321 for Angus Mail: it accepts every
     * recipient but one, which it refuses with {@code reply}. GreenMail cannot refuse a recipient.
     */
    static final class RefusingSmtpServer implements AutoCloseable {
        final List<String> recipientsAsked = new CopyOnWriteArrayList<>();
        final List<String> delivered = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;
        private final String refused;
        private final String reply;

        private RefusingSmtpServer(ServerSocket socket, String refused, String reply) {
            this.socket = socket;
            this.refused = refused;
            this.reply = reply;
        }

        static RefusingSmtpServer start(String refused, String reply) {
            try {
                RefusingSmtpServer server = new RefusingSmtpServer(
                        new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), refused, reply);
                Thread.ofPlatform().daemon().name("refusing-smtp").start(server::acceptAll);
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return "smtp://127.0.0.1:" + socket.getLocalPort();
        }

        private void acceptAll() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread.ofVirtual().start(() -> converse(client));
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private void converse(Socket client) {
            try (client;
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                send(out, "220 refusing.test ESMTP");
                List<String> recipients = new ArrayList<>();
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.toUpperCase(Locale.ROOT);
                    if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                        send(out, "250 refusing.test");
                    } else if (command.startsWith("MAIL FROM:")) {
                        recipients.clear();
                        send(out, "250 2.1.0 OK");
                    } else if (command.startsWith("RCPT TO:")) {
                        String to = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        recipientsAsked.add(to);
                        if (to.equalsIgnoreCase(refused)) {
                            send(out, reply);
                        } else {
                            recipients.add(to);
                            send(out, "250 2.1.5 OK");
                        }
                    } else if (command.equals("DATA")) {
                        send(out, "354 end with <CRLF>.<CRLF>");
                        for (String data = in.readLine(); !".".equals(data); data = in.readLine()) {
                            if (data == null) {
                                return;
                            }
                        }
                        delivered.addAll(recipients);
                        send(out, "250 2.0.0 queued");
                    } else if (command.equals("QUIT")) {
                        send(out, "221 2.0.0 bye");
                        return;
                    } else if (command.equals("RSET") || command.equals("NOOP")) {
                        send(out, "250 2.0.0 OK");
                    } else {
                        send(out, "502 5.5.1 not implemented");
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static void send(PrintWriter out, String reply) {
            out.print(reply + "\r\n");
            out.flush();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
