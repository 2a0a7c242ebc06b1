package live.blytz.sharedkernel.web;

/**
 * The client behind a request.
 *
 * @param ip the client's address in canonical text form (shown to users, e.g. in their sessions list)
 * @param key what every per-address control (rate limits, login throttles, hashing admission, view counts)
 *        counts the client under: an IPv4 address itself, an IPv6 address's network prefix (by default the /64
 *        that one subscriber gets), so that one host cannot pose as billions of clients
 */
public record ClientAddress(String ip, String key) {
}
