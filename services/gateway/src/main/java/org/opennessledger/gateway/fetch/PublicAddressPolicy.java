package org.opennessledger.gateway.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Public unicast addresses only: everything a server-side request must never reach on behalf of a
 * user is refused — loopback, the unspecified address, link-local (which holds the cloud metadata
 * service at 169.254.169.254), private and carrier-grade NAT networks, IPv6 unique-local and
 * site-local, multicast, and the special-purpose ranges nobody publishes documents on. An IPv6
 * address that carries an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) is judged by the
 * IPv4 address inside as well, so {@code ::ffff:10.0.0.1} is as private as {@code 10.0.0.1}.
 */
public final class PublicAddressPolicy implements AddressPolicy {

    public static final PublicAddressPolicy INSTANCE = new PublicAddressPolicy();

    private static final List<Range> IPV4 = List.of(
            Range.of("0.0.0.0/8", "'this network', not a destination"),
            Range.of("10.0.0.0/8", "a private network"),
            Range.of("100.64.0.0/10", "carrier-grade NAT, a private network"),
            Range.of("127.0.0.0/8", "loopback"),
            Range.of("169.254.0.0/16", "link-local (cloud metadata services live here)"),
            Range.of("172.16.0.0/12", "a private network"),
            Range.of("192.0.0.0/24", "reserved for IETF protocol assignments"),
            Range.of("192.0.2.0/24", "reserved for documentation"),
            Range.of("192.88.99.0/24", "the retired 6to4 relay range"),
            Range.of("192.168.0.0/16", "a private network"),
            Range.of("198.18.0.0/15", "reserved for benchmarking"),
            Range.of("198.51.100.0/24", "reserved for documentation"),
            Range.of("203.0.113.0/24", "reserved for documentation"),
            Range.of("224.0.0.0/4", "multicast"),
            Range.of("240.0.0.0/4", "reserved (and broadcast)"));

    private static final List<Range> IPV6 = List.of(
            Range.of("::/128", "the unspecified address"),
            Range.of("::1/128", "loopback"),
            Range.of("64:ff9b:1::/48", "local-use NAT64"),
            Range.of("100::/64", "discard-only"),
            Range.of("2001::/32", "a Teredo tunnel"),
            Range.of("2001:db8::/32", "reserved for documentation"),
            Range.of("fc00::/7", "unique-local, a private network"),
            Range.of("fe80::/10", "link-local"),
            Range.of("fec0::/10", "site-local, a private network"),
            Range.of("ff00::/8", "multicast"));

    private PublicAddressPolicy() {
    }

    @Override
    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusal(address.getHostAddress(), bytes, IPV4);
        }
        Optional<byte[]> embedded = embeddedIpv4(bytes);
        if (embedded.isPresent()) {
            String inner = ipv4Text(embedded.get());
            Optional<String> innerRefusal = refusal(inner, embedded.get(), IPV4);
            if (innerRefusal.isPresent()) {
                return Optional.of(address.getHostAddress() + " carries " + innerRefusal.get());
            }
        }
        Optional<String> ranged = refusal(address.getHostAddress(), bytes, IPV6);
        if (ranged.isPresent()) {
            return ranged;
        }
        // the platform's own judgement as a last word, should a range above be missing
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return Optional.of(address.getHostAddress() + " is not a public address");
        }
        return Optional.empty();
    }

    private static Optional<String> refusal(String text, byte[] bytes, List<Range> ranges) {
        return ranges.stream().filter(range -> range.contains(bytes)).findFirst()
                .map(range -> text + " is in " + range.cidr() + ", " + range.what());
    }

    /**
     * The IPv4 address an IPv6 address stands for: IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible
     * ({@code ::a.b.c.d}, but not {@code ::} or {@code ::1}), NAT64 ({@code 64:ff9b::a.b.c.d}) and 6to4
     * ({@code 2002:aabb:ccdd::}).
     */
    static Optional<byte[]> embeddedIpv4(byte[] v6) {
        if (v6.length != 16) {
            return Optional.empty();
        }
        boolean firstTenZero = Arrays.equals(v6, 0, 10, new byte[10], 0, 10);
        if (firstTenZero && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16));
        }
        if (firstTenZero && v6[10] == 0 && v6[11] == 0) {
            boolean unspecifiedOrLoopback = Arrays.equals(v6, 12, 15, new byte[3], 0, 3) && (v6[15] & 0xff) <= 1;
            return unspecifiedOrLoopback ? Optional.empty() : Optional.of(Arrays.copyOfRange(v6, 12, 16));
        }
        byte[] nat64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
        if (Arrays.equals(v6, 0, 12, nat64, 0, 12)) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16));
        }
        if (v6[0] == 0x20 && v6[1] == 0x02) {
            return Optional.of(Arrays.copyOfRange(v6, 2, 6));
        }
        return Optional.empty();
    }

    private static String ipv4Text(byte[] v4) {
        return (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
    }

    /** A CIDR block: its network's bytes and how many leading bits an address shares with it. */
    private record Range(String cidr, byte[] network, int prefix, String what) {

        static Range of(String cidr, String what) {
            int slash = cidr.indexOf('/');
            String literal = cidr.substring(0, slash);
            if (!literal.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not an address literal: " + literal);
            }
            try {
                // a literal: parsed, never looked up
                byte[] network = InetAddress.getByName(literal).getAddress();
                return new Range(cidr, network, Integer.parseInt(cidr.substring(slash + 1)), what);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            if (!Arrays.equals(address, 0, full, network, 0, full)) {
                return false;
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
