package live.blytz.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTests {

    @Test
    void aPlatformUrlBecomesJdbcUrlUserAndPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://blytz:s%40cret@db.internal:6543/blytz?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/blytz?sslmode=require");
        assertThat(url.username()).isEqualTo("blytz");
        assertThat(url.password()).isEqualTo("s@cret");
    }

    @Test
    void theDefaultPortIsAssumed() {
        assertThat(DatabaseUrl.parse("postgresql://db/blytz").jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/blytz");
    }

    @Test
    void aJdbcUrlPassesThrough() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db:5432/blytz").jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/blytz");
    }

    @Test
    void anotherSchemeIsRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://db/blytz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        assertThat(DatabaseUrl.parse("postgres://u:hunter2@db/blytz").toString()).doesNotContain("hunter2");
    }
}
