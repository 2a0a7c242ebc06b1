package live.blytz.sharedkernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import live.blytz.sharedkernel.error.ValidationException;
import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void newIdsAreVersion7AndTimeOrdered() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(Ids.newId());
        }
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        assertThat(ids).isSortedAccordingTo(UUID::compareTo).doesNotHaveDuplicates();
    }

    @Test
    void aUserIdParsesOnlyUuids() {
        UUID value = Ids.newId();
        assertThat(UserId.of(value.toString()).value()).isEqualTo(value);
        assertThatThrownBy(() -> UserId.of("42")).isInstanceOf(ValidationException.class);
    }

    @Test
    void rolesHaveTheirApiCodeAndAuthority() {
        assertThat(Role.fromCode("seller")).isEqualTo(Role.SELLER);
        assertThat(Role.ADMIN.code()).isEqualTo("admin");
        assertThat(Role.BUYER.authority()).isEqualTo("ROLE_BUYER");
    }
}
