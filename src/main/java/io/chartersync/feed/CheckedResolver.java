package io.chartersync.feed;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The HTTP client's only way from a host name to addresses: it resolves the host (an IP literal resolves to
 * itself) and hands the client only the addresses {@code allowed} accepts, so the address checked is the
 * address connected to; a second, different DNS answer (rebinding) never reaches a socket unchecked. A host
 * with no allowed address fails with {@link Refused}. The lookup runs on {@code lookups}, never on the
 * thread that sends the request, so a DNS server that does not answer cannot hold a fetch past its total
 * timeout (the timeout aborts the request; the lookup ends when the system's resolver gives up).
 */
final class CheckedResolver implements SocketAddressResolver {
    private final Predicate<InetSocketAddress> allowed;
    private final Executor lookups;

    CheckedResolver(Predicate<InetSocketAddress> allowed, Executor lookups) {
        this.allowed = allowed;
        this.lookups = lookups;
    }

    /** The host resolves only to addresses feeds may not reach. */
    static final class Refused extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        Refused(String host) {
            super(host + " resolves to a private or local address");
        }
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetSocketAddress> all;
        try {
            all = Arrays.stream(InetAddress.getAllByName(bare))
                    .map(a -> new InetSocketAddress(a, port))
                    .toList();
        } catch (UnknownHostException e) {
            promise.failed(e);
            return;
        }
        List<InetSocketAddress> checked = all.stream().filter(allowed).toList();
        if (checked.isEmpty()) {
            promise.failed(new Refused(bare));
        } else {
            promise.succeeded(checked);
        }
    }
}
