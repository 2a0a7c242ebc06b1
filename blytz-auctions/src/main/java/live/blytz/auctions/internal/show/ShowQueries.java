package live.blytz.auctions.internal.show;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the show listing: live shows first, then by start, then by id, so that the order is total and a cursor
 * (the last row's rank, start and id) continues it.
 */
@Repository
class ShowQueries {

    /** 0 for live, 1 for scheduled, 2 for ended: the listing's first key. */
    static final String RANK = "(CASE s.status WHEN 'live' THEN 0 WHEN 'scheduled' THEN 1 ELSE 2 END)";

    private final JdbcClient jdbc;

    ShowQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keyset position: the key of the last row the client saw. */
    record After(int rank, Instant startsAt, UUID id) {
    }

    /** A show of the listing, with its rank and number of lots. */
    record Row(Show show, int rank, int lotCount) {
    }

    List<Row> page(List<String> statuses, @Nullable UUID sellerId, @Nullable After after, int limit) {
        List<String> where = new ArrayList<>(List.of("s.status IN (:statuses)"));
        Map<String, Object> params = new HashMap<>();
        params.put("statuses", statuses);
        params.put("limit", limit);
        if (sellerId != null) {
            where.add("s.seller_id = :seller");
            params.put("seller", sellerId);
        }
        if (after != null) {
            where.add("(" + RANK + ", s.starts_at, s.id) > (:rank, :startsAt, :id)");
            params.put("rank", after.rank());
            params.put("startsAt", Timestamp.from(after.startsAt()));
            params.put("id", after.id());
        }
        return jdbc.sql("SELECT s.*, " + RANK + " AS rank, "
                        + "(SELECT count(*) FROM auctions.show_lots l WHERE l.show_id = s.id) AS lot_count "
                        + "FROM auctions.shows s WHERE " + String.join(" AND ", where)
                        + " ORDER BY " + RANK + ", s.starts_at, s.id LIMIT :limit")
                .params(params)
                .query((rs, row) -> new Row(ShowRepository.show(rs, row), rs.getInt("rank"), rs.getInt("lot_count")))
                .list();
    }
}
