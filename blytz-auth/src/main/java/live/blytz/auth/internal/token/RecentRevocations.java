package live.blytz.auth.internal.token;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance's copy of the revocations that can still matter (ADR 0027), numbered by the shared revocation
 * version: {@code watermark} is the version up to which every revocation is known. Revocations arrive one by one
 * (from this instance or as broadcasts, in any order) or all at once from the system of record ({@link #rebuild});
 * {@link #observe} compares the shared version with what arrived and says when something was missed.
 */
final class RecentRevocations {

    enum Observation {
        /** Every revocation up to the shared version is known. */
        CURRENT,
        /** Some are still on their way (a broadcast follows the version increment by a moment). */
        CATCHING_UP,
        /** A revocation did not arrive in time, or the shared version went back (the store lost it): rebuild. */
        MISSED
    }

    private record ValidAfter(long epochSecond, Instant until) {
    }

    private final Map<String, Instant> endedSessions = new ConcurrentHashMap<>();
    private final Map<String, ValidAfter> validAfter = new ConcurrentHashMap<>();
    // Guarded by this: versions applied beyond the watermark, and what the last observation was waiting for.
    private long watermark = -1;
    private final NavigableSet<Long> ahead = new TreeSet<>();
    private long awaited = -1;

    boolean revoked(String sessionId, String userId, Instant issuedAt, Instant now) {
        Instant sessionEnded = endedSessions.get(sessionId);
        if (sessionEnded != null && now.isBefore(sessionEnded)) {
            return true;
        }
        ValidAfter since = validAfter.get(userId);
        return since != null && now.isBefore(since.until()) && issuedAt.getEpochSecond() < since.epochSecond();
    }

    void endSession(long version, String sessionId, Instant until) {
        endedSessions.merge(sessionId, until, (a, b) -> a.isAfter(b) ? a : b);
        applied(version);
    }

    void revokeBefore(long version, String userId, long epochSecond, Instant until) {
        validAfter.merge(userId, new ValidAfter(epochSecond, until),
                (a, b) -> a.epochSecond() >= b.epochSecond() ? a : b);
        applied(version);
    }

    /** Everything the system of record held when the shared version was {@code version}. */
    synchronized void rebuild(long version, Map<String, Instant> sessions, Map<String, Long> accounts,
            Instant accountsUntil) {
        sessions.forEach((id, until) -> endedSessions.merge(id, until, (a, b) -> a.isAfter(b) ? a : b));
        accounts.forEach((id, epochSecond) -> validAfter.merge(id, new ValidAfter(epochSecond, accountsUntil),
                (a, b) -> a.epochSecond() >= b.epochSecond() ? a : b));
        watermark = version;
        ahead.headSet(version, true).clear();
        advance();
        awaited = -1;
    }

    synchronized Observation observe(long sharedVersion) {
        if (watermark < 0 || sharedVersion < watermark) {
            return Observation.MISSED;
        }
        if (sharedVersion == watermark) {
            awaited = -1;
            return Observation.CURRENT;
        }
        if (awaited > watermark) {
            // The previous observation already waited for versions that have still not all arrived.
            return Observation.MISSED;
        }
        awaited = sharedVersion;
        return Observation.CATCHING_UP;
    }

    /** Forgets the revocations no token can be affected by any more. */
    void forgetExpired(Instant now) {
        endedSessions.values().removeIf(until -> !now.isBefore(until));
        validAfter.values().removeIf(entry -> !now.isBefore(entry.until()));
    }

    private synchronized void applied(long version) {
        if (version > watermark) {
            ahead.add(version);
            advance();
        }
    }

    private void advance() {
        while (watermark >= 0 && ahead.remove(watermark + 1)) {
            watermark++;
        }
    }
}
