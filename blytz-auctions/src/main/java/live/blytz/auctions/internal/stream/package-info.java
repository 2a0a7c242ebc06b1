/**
 * Auctions followed live (ADR 0028): {@code GET /auctions/{id}/stream} as Server-Sent Events, one event per public fact
 * of the auction's log with the fact's sequence number as its id, replayed after a {@code Last-Event-ID} and then live.
 * Each instance keeps one hub per followed auction; commits anywhere reach it through a broadcast, and the hub reads the
 * log once for all its subscribers. Each subscriber has a bounded queue and is dropped when it falls behind.
 */
@NullMarked
package live.blytz.auctions.internal.stream;

import org.jspecify.annotations.NullMarked;
