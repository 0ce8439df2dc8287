package io.chartersync.db;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Opens a PostgreSQL session the way any client does (a protocol 3.0 startup message, no password) and
 * answers what the server asks for first: 0 would be "authenticated" (trust), 10 is SASL (SCRAM), 'E' an
 * error. Works over TCP and over a Unix socket, with no client library in between.
 */
final class StartupProbe {
    static final int AUTHENTICATION_OK = 0;
    static final int AUTHENTICATION_SASL = 10;
    static final int ERROR = 'E';

    private StartupProbe() {}

    static int overTcp(int port, String user) throws IOException {
        return ask(new InetSocketAddress("127.0.0.1", port), user);
    }

    static int overSocket(Path socket, String user) throws IOException {
        return ask(UnixDomainSocketAddress.of(socket), user);
    }

    private static int ask(SocketAddress address, String user) throws IOException {
        try (SocketChannel channel = SocketChannel.open(address)) {
            byte[] params = ("user\0" + user + "\0database\0postgres\0\0").getBytes(StandardCharsets.UTF_8);
            ByteBuffer startup = ByteBuffer.allocate(8 + params.length);
            startup.putInt(8 + params.length).putInt(196608).put(params).flip();
            while (startup.hasRemaining()) {
                channel.write(startup);
            }
            ByteBuffer answer = ByteBuffer.allocate(9);
            while (answer.hasRemaining() && channel.read(answer) >= 0) {
                // read the message type, its length and the authentication code
            }
            answer.flip();
            byte type = answer.get();
            if (type != 'R') {
                return type;
            }
            answer.getInt();
            return answer.getInt();
        }
    }
}
