package live.blytz.users.internal.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.paging.Page;
import live.blytz.sharedkernel.paging.PageRequest;
import live.blytz.users.internal.account.AccountStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads profiles joined with their account facts: one person, or a filtered, sorted page for admins. */
@Repository
class UserQueries {

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

    private final JdbcClient jdbc;

    UserQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserView> find(UserId id) {
        return jdbc.sql(SELECT + FROM + " AND p.id = :id").param("id", id.value()).query(UserQueries::map).optional();
    }

    Page<UserView> search(UserSearch search) {
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        if (search.q() != null) {
            conditions.add("""
                    (a.email ILIKE :q OR p.first_name ILIKE :q OR p.last_name ILIKE :q
                     OR p.chosen_display_name ILIKE :q OR concat_ws(' ', p.first_name, p.last_name) ILIKE :q)""");
            params.put("q", "%" + escapeLike(search.q()) + "%");
        }
        if (search.role() != null) {
            conditions.add("a.role = :role");
            params.put("role", search.role().code());
        }
        if (search.status() != null) {
            conditions.add("a.status = :status");
            params.put("status", search.status().code());
        }
        String where = FROM + conditions.stream().map(condition -> " AND " + condition).collect(Collectors.joining());
        PageRequest page = search.page();
        long total = jdbc.sql("SELECT count(*) " + where).params(params).query(Long.class).single();
        if (total == 0 || page.offset() >= total) {
            return Page.of(List.of(), page, total);
        }
        // The sort column comes from the key's column below, never from input; the id makes the order total.
        String direction = search.sort().descending() ? " DESC" : " ASC";
        String order = " ORDER BY " + column(search.sort().key()) + direction + " NULLS LAST, p.id" + direction;
        params.put("limit", page.pageSize());
        params.put("offset", page.offset());
        List<UserView> items = jdbc.sql(SELECT + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .query(UserQueries::map).list();
        return Page.of(items, page, total);
    }

    private static String column(UserSearch.SortKey key) {
        return switch (key) {
            case CREATED_AT -> "p.created_at";
            case EMAIL -> "a.email";
            case LAST_NAME -> "p.last_name";
            case LAST_LOGIN_AT -> "a.last_login_at";
        };
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
