package live.blytz.sharedkernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallerTests {

    private final UserId user = UserId.newId();

    @Test
    void onlyExactRoleCodesCount() {
        Caller caller = Caller.of(user, List.of("seller", "ADMIN", " admin", "superuser"), null, null);
        assertThat(caller.roles()).containsExactly(Role.SELLER);
        assertThat(caller.isAdmin()).isFalse();
    }

    @Test
    void theRoleIsTheMostPowerfulOneAndBuyerWhenThereIsNone() {
        assertThat(Caller.of(user, List.of("admin", "buyer"), null, null).role()).isEqualTo(Role.ADMIN);
        assertThat(Caller.of(user, List.of(), null, null).role()).isEqualTo(Role.BUYER);
    }

    @Test
    void theOwnerAndAdminsMayManage() {
        UserId other = UserId.newId();
        assertThat(Caller.of(user, List.of("seller"), null, null).mayManage(user)).isTrue();
        assertThat(Caller.of(user, List.of("seller"), null, null).mayManage(other)).isFalse();
        assertThat(Caller.of(user, List.of("admin"), null, null).mayManage(other)).isTrue();
    }
}
