package io.chartersync.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a free loopback port that stays the same across {@link #stop()} and
 * {@link #start()}, so a test can take the server away mid-run and bring it back where the program expects
 * it. {@link #received()} counts every message accepted since the last {@link #clear()}, across restarts.
 */
public final class MailServer implements AutoCloseable {
    private final int port;
    private final List<MimeMessage> beforeRestarts = new ArrayList<>();
    private GreenMail greenMail;

    private MailServer(int port) {
        this.port = port;
    }

    /** Starts a server on a free port. */
    public static MailServer started() {
        MailServer server = new MailServer(freePort());
        server.start();
        return server;
    }

    /** What the program's {@code SMTP_URL} is set to. */
    public String url() {
        return "smtp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }

    /** Stops listening: connections are refused until {@link #start()}. What it received is kept. */
    public synchronized void stop() {
        if (greenMail != null) {
            beforeRestarts.addAll(List.of(greenMail.getReceivedMessages()));
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Every message accepted since the last {@link #clear()}, in order of arrival. */
    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(beforeRestarts);
        if (greenMail != null) {
            all.addAll(List.of(greenMail.getReceivedMessages()));
        }
        return all;
    }

    /** Forgets what was received, and makes sure the server is listening. */
    public synchronized void clear() {
        stop();
        beforeRestarts.clear();
        start();
    }

    @Override
    public synchronized void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
