package live.blytz.auctions.internal.stream;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * A show's log (ADR 0030) read as stream events. The show's log holds only public facts, each already in the form its
 * stream sends (the event name is the fact's type, the data its payload), so reading it needs no state. Read-only.
 */
@Repository
class ShowLogQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ShowLogQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Where a show's log stands now, to follow it. */
    Optional<FollowedLog> head(UUID showId) {
        return jdbc.sql("SELECT seq, status FROM auctions.shows WHERE id = :id")
                .param("id", showId)
                .query((rs, row) -> new FollowedLog(showId, FollowedLog.Kind.SHOW, rs.getLong("seq"),
                        "ended".equals(rs.getString("status")), () -> (from, limit) -> after(showId, from, limit)))
                .optional();
    }

    private LogReader.Page after(UUID showId, long from, int limit) {
        List<StreamEvent> events = jdbc.sql("""
                        SELECT seq, type, payload::text AS payload FROM auctions.show_events
                        WHERE show_id = :id AND seq > :after ORDER BY seq LIMIT :limit""")
                .param("id", showId).param("after", from).param("limit", limit)
                .query((rs, row) -> new StreamEvent(rs.getLong("seq"), rs.getString("type"),
                        json.readTree(rs.getString("payload"))))
                .list();
        return new LogReader.Page(events, events.isEmpty() ? from : events.getLast().seq(), events.size() == limit);
    }
}
