package org.opennessledger.gateway.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals only: nothing here resolves a name or opens a connection. */
class PublicAddressPolicyTest {

    private final AddressPolicy policy = PublicAddressPolicy.INSTANCE;

    /** Parses an address literal; a name would be looked up, so none is accepted. */
    static InetAddress literal(String text) {
        if (!text.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an address literal: " + text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** An IPv6 address as such, even where Java would turn it into the IPv4 address it maps. */
    private static InetAddress ipv6(String text) throws UnknownHostException {
        byte[] bytes = new byte[16];
        InetAddress parsed = literal(text);
        byte[] raw = parsed.getAddress();
        if (raw.length == 4) { // Java hands back ::ffff:a.b.c.d as a.b.c.d
            bytes[10] = (byte) 0xff;
            bytes[11] = (byte) 0xff;
            System.arraycopy(raw, 0, bytes, 12, 4);
        } else {
            bytes = raw;
        }
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback",
            "127.255.255.254, loopback",
            "0.0.0.0, this network",
            "10.0.0.1, private",
            "10.255.255.255, private",
            "172.16.0.1, private",
            "172.31.255.255, private",
            "192.168.1.1, private",
            "100.64.0.1, carrier-grade NAT",
            "100.127.255.255, carrier-grade NAT",
            "169.254.169.254, cloud metadata",
            "169.254.0.1, link-local",
            "224.0.0.1, multicast",
            "239.255.255.250, multicast",
            "255.255.255.255, broadcast",
            "240.0.0.1, reserved",
            "192.0.2.10, documentation",
            "198.18.0.1, benchmarking",
            "::1, loopback",
            "::, unspecified",
            "fc00::1, unique-local",
            "fd12:3456:789a::1, unique-local",
            "fe80::1, link-local",
            "febf:ffff::1, link-local",
            "fec0::1, site-local",
            "ff02::1, multicast",
            "ff0e::1, multicast",
            "2001:db8::1, documentation",
            "64:ff9b:1::1, NAT64"})
    void refusesEveryNonPublicRangeNamingIt(String address, String named) {
        InetAddress parsed = literal(address);
        assertThat(policy.refusal(parsed)).hasValueSatisfying(reason ->
                assertThat(reason).contains(parsed.getHostAddress()).containsIgnoringCase(named));
    }

    @ParameterizedTest
    @CsvSource({
            "::ffff:127.0.0.1, loopback",
            "::ffff:10.0.0.1, private",
            "::ffff:169.254.169.254, cloud metadata",
            "::ffff:100.64.0.1, carrier-grade NAT",
            "::ffff:192.168.0.1, private",
            "::10.0.0.1, private",
            "64:ff9b::a9fe:a9fe, cloud metadata",
            "64:ff9b::7f00:1, loopback",
            "2002:a00:1::, private",
            "2002:7f00:1::1, loopback"})
    void refusesIpv6FormsOfRefusedIpv4Addresses(String address, String named) throws UnknownHostException {
        assertThat(ipv6(address)).isInstanceOf(Inet6Address.class);
        assertThat(policy.refusal(ipv6(address))).hasValueSatisfying(reason ->
                assertThat(reason).containsIgnoringCase(named));
        // and as Java itself parses the literal (an IPv4-mapped one becomes the IPv4 address)
        assertThat(policy.refusal(literal(address))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "151.101.1.69", "172.15.255.255", "172.32.0.1",
            "100.63.255.255", "100.128.0.1", "169.253.255.255", "11.0.0.1", "223.255.255.255",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2001:4860:4860::8888", "::ffff:8.8.8.8",
            "64:ff9b::808:808", "2002:808:808::1"})
    void allowsPublicAddresses(String address) throws UnknownHostException {
        assertThat(policy.refusal(literal(address))).as(address).isEmpty();
        if (address.contains(":")) {
            assertThat(policy.refusal(ipv6(address))).as(address + " as IPv6").isEmpty();
        }
    }
}
