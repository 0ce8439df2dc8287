package io.chartersync.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-written SMTP server at the edge, just enough of RFC 5321 for Angus Mail: it accepts every
 * recipient but the ones it was given, which it refuses with their replies. GreenMail cannot refuse a recipient.
 */
public final class RefusingSmtpServer implements AutoCloseable {
    public final List<String> recipientsAsked = new CopyOnWriteArrayList<>();
    public final List<String> delivered = new CopyOnWriteArrayList<>();
    private final ServerSocket socket;
    /** The reply to each refused recipient, by lower-case address. */
    private final Map<String, String> replies;

    private RefusingSmtpServer(ServerSocket socket, Map<String, String> replies) {
        this.socket = socket;
        this.replies = new java.util.concurrent.ConcurrentHashMap<>(replies);
    }

    public static RefusingSmtpServer start(String refused, String reply) {
        return start(Map.of(refused.toLowerCase(Locale.ROOT), reply));
    }

    /** A server refusing each address of {@code replies} (lower case) with its reply. */
    public static RefusingSmtpServer start(Map<String, String> replies) {
        try {
            RefusingSmtpServer server =
                    new RefusingSmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), replies);
            Thread.ofPlatform().daemon().name("refusing-smtp").start(server::acceptAll);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on, accepts {@code address} (any case) like any other recipient. */
    public void stopRefusing(String address) {
        replies.remove(address.toLowerCase(Locale.ROOT));
    }

    public String url() {
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
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
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
                    String reply = replies.get(to.toLowerCase(Locale.ROOT));
                    if (reply != null) {
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
