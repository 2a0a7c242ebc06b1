package live.blytz.sharedkernel.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who the client behind a request is. {@code X-Forwarded-For} is believed only when the TCP peer is one of the
 * configured proxies (addresses or CIDR ranges), and then read from the right, skipping further trusted proxies:
 * the first untrusted hop is the client. Anyone else could write any address into that header.
 * Lives in the shared kernel so that the application's rate limits and the auth module's throttles (which must
 * be able to run as a service of its own) apply one rule.
 */
public final class TrustedProxies {

    // Only IP literals are parsed: a host name in the header must never trigger a DNS lookup.
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Range> ranges;

    public TrustedProxies(List<String> addressesOrCidrs) {
        this.ranges = addressesOrCidrs.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Range::parse).toList();
    }

    public String clientIp(String remoteAddress, @Nullable String forwardedFor) {
        if (!isTrusted(remoteAddress) || forwardedFor == null || forwardedFor.isBlank()) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!IP_LITERAL.matcher(hop).matches()) {
                return remoteAddress;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }

    private boolean isTrusted(String address) {
        if (ranges.isEmpty() || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        byte[] bytes = literal(address);
        return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    private static byte @Nullable [] literal(String address) {
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] network = IP_LITERAL.matcher(address).matches() ? literal(address) : null;
            if (network == null) {
                throw new IllegalArgumentException("Not an IP address or CIDR range: " + cidr);
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + cidr);
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - prefix;
            return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }
}
