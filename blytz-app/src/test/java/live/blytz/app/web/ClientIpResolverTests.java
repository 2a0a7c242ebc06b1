package live.blytz.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class ClientIpResolverTests {

    private final ClientIpResolver resolver = new ClientIpResolver(
            new WebProperties(DataSize.ofMegabytes(1), List.of(), List.of("10.0.0.0/8", "192.0.2.1")));

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(resolver.clientIp(request("198.51.100.7", "1.2.3.4"))).isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxyIsBelievedAndTheFirstUntrustedHopFromTheRightIsTheClient() {
        assertThat(resolver.clientIp(request("10.1.2.3", "6.6.6.6, 203.0.113.5, 192.0.2.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsItself() {
        assertThat(resolver.clientIp(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
    }

    @Test
    void aHostNameInTheHeaderIsNotBelieved() {
        assertThat(resolver.clientIp(request("10.1.2.3", "attacker.example"))).isEqualTo("10.1.2.3");
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
