package live.blytz.auth.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import live.blytz.auth.internal.token.RecentRevocations.Observation;
import org.junit.jupiter.api.Test;

/** The in-memory copy of the revocations: what it refuses, and how it tells a missed revocation from a late one. */
class RecentRevocationsTests {

    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final Instant later = now.plus(Duration.ofMinutes(16));
    private final RecentRevocations recent = new RecentRevocations();

    @Test
    void anEndedSessionAndOlderTokensOfARevokedAccountAreRefusedUntilTheirEntriesLapse() {
        recent.rebuild(0, Map.of(), Map.of(), later);
        recent.endSession(1, "session", later);
        recent.revokeBefore(2, "user", now.getEpochSecond(), later);

        assertThat(recent.revoked("session", "other-user", now, now)).isTrue();
        assertThat(recent.revoked("other-session", "user", now.minusSeconds(1), now)).isTrue();
        assertThat(recent.revoked("other-session", "user", now, now)).isFalse();
        assertThat(recent.revoked("session", "other-user", now, later)).isFalse();
    }

    @Test
    void nothingIsKnownUntilTheFirstRebuild() {
        recent.endSession(1, "session", later);

        assertThat(recent.observe(1)).isEqualTo(Observation.MISSED);
        recent.rebuild(0, Map.of(), Map.of(), later);
        assertThat(recent.observe(1)).isEqualTo(Observation.CURRENT);
    }

    @Test
    void revocationsArrivingOutOfOrderCatchUp() {
        recent.rebuild(5, Map.of(), Map.of(), later);
        recent.endSession(7, "b", later);

        assertThat(recent.observe(7)).isEqualTo(Observation.CATCHING_UP);
        recent.endSession(6, "a", later);
        assertThat(recent.observe(7)).isEqualTo(Observation.CURRENT);
    }

    @Test
    void aRevocationStillMissingAtTheNextObservationWasMissed() {
        recent.rebuild(5, Map.of(), Map.of(), later);
        recent.endSession(7, "b", later);

        assertThat(recent.observe(7)).isEqualTo(Observation.CATCHING_UP);
        assertThat(recent.observe(8)).isEqualTo(Observation.MISSED);
        recent.rebuild(8, Map.of("a", later), Map.of(), later);
        assertThat(recent.observe(8)).isEqualTo(Observation.CURRENT);
        assertThat(recent.revoked("a", "user", now, now)).isTrue();
    }

    @Test
    void aSharedVersionBehindTheCopyMeansTheStoreLostIt() {
        recent.rebuild(5, Map.of(), Map.of(), later);

        assertThat(recent.observe(0)).isEqualTo(Observation.MISSED);
    }

    @Test
    void aRebuildKeepsWhatArrivedMeanwhile() {
        recent.rebuild(0, Map.of(), Map.of(), later);
        recent.revokeBefore(3, "user", now.getEpochSecond(), later);

        recent.rebuild(2, Map.of(), Map.of("user", now.minusSeconds(60).getEpochSecond()), later);

        assertThat(recent.revoked("s", "user", now.minusSeconds(1), now)).isTrue();
        assertThat(recent.observe(3)).isEqualTo(Observation.CURRENT);
    }
}
