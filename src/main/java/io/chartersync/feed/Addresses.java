package io.chartersync.feed;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which addresses a feed may not reach unless {@code FEED_ALLOW_PRIVATE_ADDRESSES=true}: everything that is
 * not the public internet, where a feed URL could reach the program's own host, its network or a cloud's
 * metadata service (server-side request forgery).
 *
 * <ul>
 *   <li>IPv4: 0.0.0.0/8 ("this network", any-local), 10/8, 172.16/12, 192.168/16 (private), 100.64/10
 *       (carrier-grade NAT; holds Alibaba's metadata 100.100.100.200), 127/8 (loopback), 169.254/16
 *       (link-local; holds the AWS/GCP/Azure metadata 169.254.169.254), 192.0.0/24 (IETF protocol
 *       assignments), 198.18/15 (benchmarking), 224/4 (multicast), 240/4 (reserved, with the broadcast
 *       255.255.255.255).
 *   <li>IPv6: :: and ::1, fe80::/10 (link-local), fec0::/10 (old site-local), fc00::/7 (unique local; holds
 *       AWS's metadata fd00:ec2::254), ff00::/8 (multicast), and every form that carries an IPv4 address
 *       (::ffff:a.b.c.d mapped, ::a.b.c.d compatible, 64:ff9b::/96 NAT64, 2002::/16 6to4), judged by that
 *       IPv4 address.
 * </ul>
 */
final class Addresses {
    private Addresses() {}

    static boolean isForbidden(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isForbiddenV4(b);
        }
        if (address instanceof Inet6Address) {
            return isForbiddenV6(b);
        }
        return true;
    }

    private static boolean isForbiddenV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return a0 == 0
                || a0 == 10
                || a0 == 127
                || (a0 == 100 && a1 >= 64 && a1 <= 127)
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && a2 == 0)
                || (a0 == 198 && (a1 == 18 || a1 == 19))
                || a0 >= 224;
    }

    private static boolean isForbiddenV6(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isForbiddenV4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d
        }
        if (isZero(b, 0, 12)) {
            // ::, ::1, and the deprecated IPv4-compatible ::a.b.c.d
            return isZero(b, 12, 15) || isForbiddenV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12)) {
            return isForbiddenV4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::/96, NAT64
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return isForbiddenV4(Arrays.copyOfRange(b, 2, 6)); // 2002::/16, 6to4
        }
        return b0 == 0xff // multicast
                || (b0 & 0xfe) == 0xfc // unique local fc00::/7
                || (b0 == 0xfe && (b1 & 0xc0) == 0x80) // link-local fe80::/10
                || (b0 == 0xfe && (b1 & 0xc0) == 0xc0); // site-local fec0::/10
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
