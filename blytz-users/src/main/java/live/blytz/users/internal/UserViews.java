package live.blytz.users.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.paging.Page;
import live.blytz.sharedkernel.paging.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads profiles joined with their account facts: one person, or a filtered, sorted page for admins. */
@Repository
class UserViews {

    private static final String SELECT = """
            SELECT p.id, a.email, a.role, a.status, p.first_name, p.last_name, p.chosen_display_name, p.avatar_url,
                   p.phone, p.bio, a.email_verified, a.last_login_at, a.password_changed_at, p.created_at,
                   GREATEST(p.updated_at, a.updated_at) AS updated_at, p.version
            """;
    // A profile counts once its account facts know the role: until then GET /users/me completes it from the token.
    private static final String FROM = """
            FROM users.profiles p JOIN users.account_facts a ON a.id = p.id
            WHERE a.role IS NOT NULL
            """;

    private static final RowMapper<UserView> MAPPER = UserViews::map;

    private final NamedParameterJdbcTemplate jdbc;

    UserViews(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserView> find(UserId id) {
        return jdbc.query(SELECT + FROM + " AND p.id = :id", new MapSqlParameterSource("id", id.value()), MAPPER)
                .stream().findFirst();
    }

    Page<UserView> search(UserSearch search, PageRequest page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        if (search.q() != null) {
            conditions.add("""
                    (a.email ILIKE :q OR p.first_name ILIKE :q OR p.last_name ILIKE :q
                     OR p.chosen_display_name ILIKE :q OR concat_ws(' ', p.first_name, p.last_name) ILIKE :q)""");
            params.addValue("q", "%" + escapeLike(search.q()) + "%");
        }
        if (search.role() != null) {
            conditions.add("a.role = :role");
            params.addValue("role", search.role().code());
        }
        if (search.status() != null) {
            conditions.add("a.status = :status");
            params.addValue("status", search.status().code());
        }
        String where = FROM + conditions.stream().map(condition -> " AND " + condition).collect(Collectors.joining());
        long total = jdbc.queryForObject("SELECT count(*) " + where, params, Long.class);
        if (total == 0 || page.offset() >= total) {
            return Page.of(List.of(), page, total);
        }
        // The sort column comes from the UserSort enum, never from input; the id makes the order total.
        String direction = search.sort().descending() ? " DESC" : " ASC";
        String order = " ORDER BY " + search.sort().key().column() + direction + " NULLS LAST, p.id" + direction;
        params.addValue("limit", page.pageSize()).addValue("offset", page.offset());
        return Page.of(jdbc.query(SELECT + where + order + " LIMIT :limit OFFSET :offset", params, MAPPER), page, total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static UserView map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String firstName = rs.getString("first_name");
        String lastName = rs.getString("last_name");
        return new UserView(
                id,
                rs.getString("email"),
                Role.fromCode(rs.getString("role")),
                AccountStatus.fromCode(rs.getString("status")),
                firstName,
                lastName,
                DisplayNames.of(id, firstName, lastName, rs.getString("chosen_display_name")),
                rs.getString("avatar_url"),
                rs.getString("phone"),
                rs.getString("bio"),
                rs.getBoolean("email_verified"),
                instant(rs.getTimestamp("last_login_at")),
                instant(rs.getTimestamp("password_changed_at")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
