package live.blytz.sharedkernel.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who the client behind a request is, by one rule for the whole system (the application's rate limits and the
 * auth module's throttles alike).
 * <p>
 * {@code X-Forwarded-For} is believed only when the TCP peer is one of the configured proxies (addresses or CIDR
 * ranges). All lines of the header are read as one list, walked from the right: trusted proxies are skipped, the
 * first untrusted hop is the client. A hop that is not an IP literal ends the walk at the last trusted hop, and no
 * value is ever resolved through DNS ({@link InetAddress#ofLiteral}, never {@code getByName}).
 * <p>
 * The {@linkplain ClientAddress#key() key} of an IPv6 client is its network prefix ({@code ipv6KeyPrefix} bits,
 * 64 by default: one subscriber's network), of an IPv4 client its address.
 */
public final class ClientAddresses {

    public static final int DEFAULT_IPV6_KEY_PREFIX = 64;

    // Canonical dotted quads only: Inet4Address.ofLiteral also takes "1.2" or "16909060", which no proxy writes.
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int MAX_LITERAL_LENGTH = 45;

    private final List<Range> proxies;
    private final int ipv6KeyPrefix;

    public ClientAddresses(List<String> trustedProxies, int ipv6KeyPrefix) {
        if (ipv6KeyPrefix < 1 || ipv6KeyPrefix > 128) {
            throw new IllegalArgumentException("The IPv6 key prefix must be 1..128 bits, not " + ipv6KeyPrefix);
        }
        this.proxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Range::parse).toList();
        this.ipv6KeyPrefix = ipv6KeyPrefix;
    }

    /**
     * @param remoteAddress the TCP peer's address (an IP literal, as the servlet container reports it)
     * @param forwardedFor every {@code X-Forwarded-For} header line, in the order received
     */
    public ClientAddress resolve(String remoteAddress, List<String> forwardedFor) {
        InetAddress peer = literal(remoteAddress);
        if (peer == null) {
            return new ClientAddress(remoteAddress, remoteAddress);
        }
        return of(clientOf(peer, forwardedFor));
    }

    private InetAddress clientOf(InetAddress peer, List<String> forwardedFor) {
        InetAddress client = peer;
        List<String> hops = hops(forwardedFor);
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            InetAddress hop = literal(hops.get(i).strip());
            if (hop == null) {
                break;
            }
            client = hop;
        }
        return client;
    }

    private static List<String> hops(List<String> headerLines) {
        List<String> hops = new ArrayList<>();
        for (String line : headerLines) {
            hops.addAll(List.of(line.split(",", -1)));
        }
        return hops;
    }

    private ClientAddress of(InetAddress address) {
        String ip = address.getHostAddress();
        if (address instanceof Inet4Address) {
            return new ClientAddress(ip, ip);
        }
        byte[] network = Range.masked(address.getAddress(), ipv6KeyPrefix);
        return new ClientAddress(ip, text(network) + "/" + ipv6KeyPrefix);
    }

    private boolean isTrusted(InetAddress address) {
        byte[] bytes = address.getAddress();
        return proxies.stream().anyMatch(range -> range.contains(bytes));
    }

    /** An IP literal, or null for anything else (host names included: nothing here ever asks DNS). */
    static @Nullable InetAddress literal(String text) {
        if (text.isEmpty() || text.length() > MAX_LITERAL_LENGTH || text.indexOf('%') >= 0) {
            return null;
        }
        try {
            if (text.indexOf(':') >= 0) {
                return Inet6Address.ofLiteral(text);
            }
            return DOTTED_QUAD.matcher(text).matches() ? Inet4Address.ofLiteral(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress(); // raw bytes: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("Not an IP address or CIDR range: " + cidr);
            }
            byte[] network = address.getAddress();
            int prefix;
            try {
                prefix = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Bad prefix length in " + cidr);
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + cidr);
            }
            return new Range(masked(network, prefix), prefix);
        }

        boolean contains(byte[] address) {
            return address.length == network.length && Arrays.equals(masked(address, prefix), network);
        }

        static byte[] masked(byte[] address, int prefix) {
            byte[] masked = address.clone();
            for (int bit = prefix; bit < masked.length * 8; bit++) {
                masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            return masked;
        }
    }
}
