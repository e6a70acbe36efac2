package io.crawlseq.crawler.guard;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Classifies IP addresses for the SSRF guard. IPv6 forms that carry an IPv4 address (IPv4-mapped
 * {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4
 * {@code 2002::/16}) are judged by the IPv4 address inside, since that is where packets may end up.
 * Pure: no DNS, no I/O.
 */
public final class AddressClassifier {

    private AddressClassifier() {
    }

    public static AddressCategory classify(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? ipv4(b) : ipv6(b);
    }

    static AddressCategory ipv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254) {
            return AddressCategory.CLOUD_METADATA;
        }
        if (a0 == 0) {
            return a1 == 0 && a2 == 0 && a3 == 0 ? AddressCategory.UNSPECIFIED : AddressCategory.THIS_NETWORK;
        }
        if (a0 == 127) {
            return AddressCategory.LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return AddressCategory.PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return AddressCategory.LINK_LOCAL;
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return AddressCategory.SHARED_CGNAT;
        }
        if (a0 >= 224 && a0 <= 239) {
            return AddressCategory.MULTICAST;
        }
        if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255) {
            return AddressCategory.BROADCAST;
        }
        if (a0 >= 240                                           // 240.0.0.0/4 reserved
                || (a0 == 192 && a1 == 0 && a2 == 0)            // 192.0.0.0/24 IETF protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2)            // TEST-NET-1
                || (a0 == 198 && (a1 & 0xfe) == 18)             // 198.18.0.0/15 benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100)         // TEST-NET-2
                || (a0 == 203 && a1 == 0 && a2 == 113)          // TEST-NET-3
                || (a0 == 192 && a1 == 88 && a2 == 99)) {       // 6to4 relay anycast (deprecated)
            return AddressCategory.RESERVED;
        }
        return AddressCategory.PUBLIC;
    }

    static AddressCategory ipv6(byte[] b) {
        if (isFd00Ec2Metadata(b)) {
            return AddressCategory.CLOUD_METADATA;
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return ipv4(slice(b, 12));                                          // ::ffff:a.b.c.d mapped
        }
        if (allZero(b, 0, 12)) {
            if (allZero(b, 12, 15)) {
                int last = b[15] & 0xff;
                return last == 0 ? AddressCategory.UNSPECIFIED
                        : last == 1 ? AddressCategory.LOOPBACK : AddressCategory.RESERVED;
            }
            return ipv4(slice(b, 12));                                          // ::a.b.c.d compatible
        }
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (w0 == 0x0064 && w1 == 0xff9b && allZero(b, 4, 12)) {
            return ipv4(slice(b, 12));                                          // NAT64 well-known prefix
        }
        if (w0 == 0x0064 && w1 == 0xff9b) {
            return AddressCategory.PRIVATE;                                     // 64:ff9b:1::/48 local-use NAT64
        }
        if (w0 == 0x2002) {
            return ipv4(slice(b, 2));                                           // 6to4 embeds an IPv4 address
        }
        if ((w0 & 0xfe00) == 0xfc00) {
            return AddressCategory.PRIVATE;                                     // fc00::/7 unique local
        }
        if ((w0 & 0xffc0) == 0xfe80) {
            return AddressCategory.LINK_LOCAL;                                  // fe80::/10
        }
        if ((w0 & 0xffc0) == 0xfec0) {
            return AddressCategory.PRIVATE;                                     // fec0::/10 deprecated site-local
        }
        if ((w0 & 0xff00) == 0xff00) {
            return AddressCategory.MULTICAST;                                   // ff00::/8
        }
        if (w0 == 0x0100 && allZero(b, 2, 8)) {
            return AddressCategory.RESERVED;                                    // 100::/64 discard-only
        }
        if (w0 == 0x2001 && (w1 == 0x0db8 || w1 < 0x0200)) {
            return AddressCategory.RESERVED;                                    // documentation, Teredo and IETF blocks
        }
        return AddressCategory.PUBLIC;
    }

    private static boolean isFd00Ec2Metadata(byte[] b) {
        // fd00:ec2::254, the IPv6 endpoint of the EC2 instance metadata service
        return (b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2
                && allZero(b, 4, 14) && (b[14] & 0xff) == 0x02 && (b[15] & 0xff) == 0x54;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }

    /** Convenience for logs and messages. */
    public static String describe(InetAddress address) {
        String text = address instanceof Inet4Address ? address.getHostAddress() : "[" + address.getHostAddress() + "]";
        return text + " (" + classify(address).description() + ")";
    }
}
