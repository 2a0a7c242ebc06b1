package live.blytz.auth;

import java.util.concurrent.ThreadLocalRandom;

/** Helpers for the auth tests. */
final class AuthTestSupport {

    private AuthTestSupport() {
    }

    /**
     * A client address of its own for a test that fails logins on purpose, sent as {@code X-Forwarded-For}
     * (loopback is a trusted proxy in the test profile), so that the per-IP throttle of 127.0.0.1 stays untouched.
     */
    static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** A /64 of its own ({@code 2001:db8:x:y::}), to append a host part to. */
    static String randomIpv6Network() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000))
                + "::";
    }
}
