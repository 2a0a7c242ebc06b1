package live.blytz.sharedkernel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTests {

    private final ClientAddresses addresses = new ClientAddresses(
            List.of("10.0.0.0/8", "192.0.2.1", "2001:db8::/32"), ClientAddresses.DEFAULT_IPV6_KEY_PREFIX);

    private String clientIp(String peer, String... forwardedFor) {
        return addresses.resolve(peer, List.of(forwardedFor)).ip();
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(clientIp("198.51.100.7", "1.2.3.4")).isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxyIsBelievedAndTheFirstUntrustedHopFromTheRightIsTheClient() {
        assertThat(clientIp("10.1.2.3", "6.6.6.6, 203.0.113.5, 192.0.2.1")).isEqualTo("203.0.113.5");
    }

    @Test
    void everyHeaderLineIsOneListReadFromTheRight() {
        // The first line is what the client wrote; the proxies appended to the last one.
        assertThat(clientIp("10.1.2.3", "6.6.6.6", "203.0.113.5, 192.0.2.1")).isEqualTo("203.0.113.5");
        assertThat(clientIp("10.1.2.3", "6.6.6.6, 10.9.9.9", "192.0.2.1")).isEqualTo("6.6.6.6");
    }

    @Test
    void rangesMatchByPrefixInBothAddressFamilies() {
        assertThat(clientIp("10.255.0.1", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(clientIp("11.0.0.1", "203.0.113.5")).isEqualTo("11.0.0.1");
        assertThat(clientIp("2001:db8:1::7", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(clientIp("2001:db9::7", "203.0.113.5")).isEqualTo("2001:db9:0:0:0:0:0:7");
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsItself() {
        assertThat(clientIp("10.1.2.3")).isEqualTo("10.1.2.3");
    }

    @Test
    void aHopThatIsNotAnIpLiteralEndsTheWalkAtTheLastTrustedHop() {
        assertThat(clientIp("10.1.2.3", "attacker.example")).isEqualTo("10.1.2.3");
        assertThat(clientIp("10.1.2.3", "203.0.113.5, localhost, 10.4.4.4")).isEqualTo("10.4.4.4");
        assertThat(clientIp("10.1.2.3", "203.0.113.5,,10.4.4.4")).isEqualTo("10.4.4.4");
        // Forms that getByName would resolve or reinterpret are not literals here.
        for (String notALiteral : List.of("1.2.3", "16909060", "0x7f.0.0.1", "fe80::1%eth0", "abc", "dead")) {
            assertThat(ClientAddresses.literal(notALiteral)).as(notALiteral).isNull();
        }
    }

    @Test
    void noProxiesMeansNoHeaderIsBelieved() {
        ClientAddresses none = new ClientAddresses(List.of(), ClientAddresses.DEFAULT_IPV6_KEY_PREFIX);
        assertThat(none.resolve("127.0.0.1", List.of("203.0.113.5")).ip()).isEqualTo("127.0.0.1");
    }

    @Test
    void anIpv4ClientIsKeyedOnItsAddressAnIpv6ClientOnItsNetworkPrefix() {
        assertThat(addresses.resolve("10.1.2.3", List.of("203.0.113.5")).key()).isEqualTo("203.0.113.5");
        ClientAddress one = addresses.resolve("10.1.2.3", List.of("2a00:1450:4001:81c::1"));
        ClientAddress other = addresses.resolve("10.1.2.3", List.of("2a00:1450:4001:81c:ffff:ffff:ffff:fffe"));
        ClientAddress neighbour = addresses.resolve("10.1.2.3", List.of("2a00:1450:4001:81d::1"));
        assertThat(one.ip()).isNotEqualTo(other.ip());
        assertThat(one.key()).isEqualTo(other.key()).isEqualTo("2a00:1450:4001:81c:0:0:0:0/64");
        assertThat(neighbour.key()).isNotEqualTo(one.key());
    }

    @Test
    void theIpv6PrefixIsConfigurable() {
        ClientAddresses per56 = new ClientAddresses(List.of(), 56);
        assertThat(per56.resolve("2a00:1450:4001:81c::1", List.of()).key())
                .isEqualTo(per56.resolve("2a00:1450:4001:8ff::1", List.of()).key())
                .isEqualTo("2a00:1450:4001:800:0:0:0:0/56");
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Client() {
        assertThat(addresses.resolve("::ffff:198.51.100.7", List.of()).key()).isEqualTo("198.51.100.7");
    }

    @Test
    void aMalformedSettingIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"), 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"), 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/x"), 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
