package io.crawlseq.crawler.url;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IP address literals in hosts, parsed the way browsers do (WHATWG URL "IPv4 parser"): a host
 * whose last label is a number is an IPv4 address in any of the inet_aton forms, so
 * {@code 2130706433}, {@code 0x7f.1} and {@code 017700000001} are all {@code 127.0.0.1}. Treating
 * them as names would let a redirect to {@code http://0x7f.1/} slip past a guard that only looks
 * at dotted quads while the resolver (glibc accepts the same forms) connects to loopback.
 *
 * <p>Parsing never touches DNS: IPv6 text goes to {@link InetAddress#getByName} only after it is
 * known to be a literal, and the JDK does not resolve literals.
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /** What a host string is, as far as literals go. */
    public sealed interface HostKind {
    }

    /** A name to be resolved by DNS. */
    public record Name(String host) implements HostKind {
    }

    /** An IP literal with its address and canonical text (dotted quad, or RFC 5952 IPv6 without brackets). */
    public record Literal(InetAddress address, String canonical) implements HostKind {
    }

    /** Looks like an IP literal but is not a valid one ({@code 1.2.3.4.5}, {@code 256.1.1.1}, {@code x.123}). */
    public record Malformed(String host, String reason) implements HostKind {
    }

    /** Classifies a host (no brackets around IPv6; lower-case not required). */
    public static HostKind classify(String host) {
        if (host.indexOf(':') >= 0) {
            return ipv6(host);
        }
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] labels = h.split("\\.", -1);
        String last = labels[labels.length - 1];
        if (!isNumber(last)) {
            return new Name(host);
        }
        return ipv4(h, labels);
    }

    /** The canonical literal when the host is an IP literal. */
    public static Optional<Literal> literal(String host) {
        return classify(host) instanceof Literal l ? Optional.of(l) : Optional.empty();
    }

    private static HostKind ipv4(String host, String[] labels) {
        if (labels.length > 4) {
            return new Malformed(host, "more than four numeric parts");
        }
        long[] numbers = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            long n = parseNumber(labels[i]);
            if (n < 0) {
                return new Malformed(host, "'" + labels[i] + "' is not a number");
            }
            numbers[i] = n;
        }
        for (int i = 0; i < numbers.length - 1; i++) {
            if (numbers[i] > 255) {
                return new Malformed(host, "part above 255");
            }
        }
        long last = numbers[numbers.length - 1];
        if (last >= 1L << (8 * (5 - numbers.length))) {
            return new Malformed(host, "last part too large");
        }
        long value = last;
        for (int i = 0; i < numbers.length - 1; i++) {
            value += numbers[i] << (8 * (3 - i));
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            InetAddress address = InetAddress.getByAddress(bytes);
            return new Literal(address, address.getHostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an address", e);
        }
    }

    private static boolean isNumber(String label) {
        return !label.isEmpty() && parseNumber(label) >= 0;
    }

    /** decimal, 0x-hex or 0-octal; -1 when not a number. Values beyond 2^32 are capped to fail later. */
    private static long parseNumber(String s) {
        int radix = 10;
        String digits = s;
        if (s.length() >= 2 && (s.startsWith("0x") || s.startsWith("0X"))) {
            radix = 16;
            digits = s.substring(2);
            if (digits.isEmpty()) {
                return 0;
            }
        } else if (s.length() >= 2 && s.startsWith("0")) {
            radix = 8;
            digits = s.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 40) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0) {
                return -1;
            }
            value = Math.min(value * radix + d, 1L << 40);
        }
        return value;
    }

    private static HostKind ipv6(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) {
                return new Malformed(host, "invalid character in IPv6 address");
            }
        }
        try {
            InetAddress address = InetAddress.getByName("[" + host + "]");
            return new Literal(address, ipv6Text(host, address));
        } catch (UnknownHostException e) {
            return new Malformed(host, "invalid IPv6 address");
        }
    }

    /** RFC 5952 text. The JDK turns {@code ::ffff:a.b.c.d} into an IPv4 address; we keep the mapped form. */
    private static String ipv6Text(String original, InetAddress address) {
        if (address instanceof Inet4Address) {
            return "::ffff:" + address.getHostAddress();
        }
        return compress(((Inet6Address) address).getAddress());
    }

    static String compress(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
