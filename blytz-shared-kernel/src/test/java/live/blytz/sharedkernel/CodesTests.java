package live.blytz.sharedkernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodesTests {

    @Test
    void aCodeIsTheLowerCaseNameMatchedExactly() {
        assertThat(Codes.of(Role.SELLER)).isEqualTo("seller");
        assertThat(Role.fromCode("seller")).isEqualTo(Role.SELLER);
        assertThat(Codes.all(Role.class)).containsExactly("buyer", "seller", "admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELLER", "Seller", " seller", "seller ", "", "1"})
    void anythingElseIsNoCode(String code) {
        assertThat(Codes.find(Role.class, code)).isEmpty();
        assertThatThrownBy(() -> Role.fromCode(code)).isInstanceOf(IllegalArgumentException.class);
    }
}
