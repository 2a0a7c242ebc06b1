package live.blytz.sharedkernel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTests {

    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.0.2.1", "2001:db8::/32"));

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(proxies.clientIp("198.51.100.7", "1.2.3.4")).isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxyIsBelievedAndTheFirstUntrustedHopFromTheRightIsTheClient() {
        assertThat(proxies.clientIp("10.1.2.3", "6.6.6.6, 203.0.113.5, 192.0.2.1")).isEqualTo("203.0.113.5");
    }

    @Test
    void rangesMatchByPrefixInBothAddressFamilies() {
        assertThat(proxies.clientIp("10.255.0.1", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(proxies.clientIp("11.0.0.1", "203.0.113.5")).isEqualTo("11.0.0.1");
        assertThat(proxies.clientIp("2001:db8:1::7", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(proxies.clientIp("2001:db9::7", "203.0.113.5")).isEqualTo("2001:db9::7");
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsItself() {
        assertThat(proxies.clientIp("10.1.2.3", null)).isEqualTo("10.1.2.3");
    }

    @Test
    void aHostNameInTheHeaderIsNotBelieved() {
        assertThat(proxies.clientIp("10.1.2.3", "attacker.example")).isEqualTo("10.1.2.3");
    }

    @Test
    void noProxiesMeansNoHeaderIsBelieved() {
        assertThat(new TrustedProxies(List.of()).clientIp("127.0.0.1", "203.0.113.5")).isEqualTo("127.0.0.1");
    }

    @Test
    void aMalformedSettingIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
