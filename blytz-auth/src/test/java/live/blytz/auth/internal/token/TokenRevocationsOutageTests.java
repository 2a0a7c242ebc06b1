package live.blytz.auth.internal.token;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.time.Instant;
import java.util.Optional;
import live.blytz.auth.internal.TestAuthProperties;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.store.Broadcasts;
import live.blytz.sharedkernel.store.ExpiringStore;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * With the revocation store unreachable a token is neither accepted nor called invalid: the check fails with an
 * {@link AuthenticationServiceException}, which the application answers with 503 (ADR 0006), so clients keep
 * their valid tokens. (The Redis store's own outage behaviour, throwing {@link DependencyUnavailableException},
 * is covered by {@code RedisOutageTests}.)
 */
class TokenRevocationsOutageTests {

    /** What the Redis-backed store does while Redis is unreachable. */
    private static final class UnreachableStore implements ExpiringStore {

        @Override
        public void put(String key, String value, Duration ttl) {
            throw down();
        }

        @Override
        public boolean putIfAbsent(String key, String value, Duration ttl) {
            throw down();
        }

        @Override
        public void putAllIfAbsent(Map<String, String> values, Duration ttl) {
            throw down();
        }

        @Override
        public Optional<String> get(String key) {
            throw down();
        }

        @Override
        public Map<String, String> getAll(Collection<String> keys) {
            throw down();
        }

        @Override
        public void delete(String key) {
            throw down();
        }

        @Override
        public long increment(String key) {
            throw down();
        }

        private static DependencyUnavailableException down() {
            return new DependencyUnavailableException("Redis is unreachable", new java.io.IOException("refused"));
        }
    }

    /** What the Redis broadcasts do while Redis is unreachable: the subscription never starts. */
    private static final class UnreachableBroadcasts implements Broadcasts {

        @Override
        public void publish(String channel, String message) {
            throw UnreachableStore.down();
        }

        @Override
        public void subscribe(String channel, Listener listener) {
        }
    }

    @Test
    void anUnreachableStoreIsAServiceFailureNotAnInvalidToken() {
        TokenRevocations revocations = new TokenRevocations(new UnreachableStore(), new UnreachableBroadcasts(), null,
                TestAuthProperties.withHashing(10, 1, 1), Clock.systemUTC());
        Jwt token = Jwt.withTokenValue("t").header("alg", "ES256").subject("0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e")
                .jti("j").issuedAt(Instant.now()).claim("sid", "0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8f").build();

        try {
            assertThatThrownBy(() -> revocations.validate(token))
                    .isInstanceOf(AuthenticationServiceException.class)
                    .hasCauseInstanceOf(DependencyUnavailableException.class);
        } finally {
            revocations.destroy();
        }
    }
}
