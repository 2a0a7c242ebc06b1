package live.blytz.sharedkernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import live.blytz.sharedkernel.error.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTests {

    @Test
    void isNormalisedSoThatSpellingsOfOneMailboxAreEqual() {
        assertThat(EmailAddress.of("  Alice.Smith@Example.COM ")).isEqualTo(EmailAddress.of("alice.smith@example.com"));
    }

    @Test
    void acceptsInternationalAddresses() {
        assertThat(EmailAddress.of("jürgen@bücher.de").value()).isEqualTo("jürgen@bücher.de");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "plainaddress", "@example.com", "a@", "a@b", "a b@example.com",
            "a..b@example.com", ".a@example.com", "a.@example.com", "a@-example.com"})
    void refusesWhatIsNotAnAddress(String candidate) {
        assertThatThrownBy(() -> EmailAddress.of(candidate))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).singleElement().extracting("field").isEqualTo("email"));
    }

    @Test
    void refusesOverlongAddresses() {
        assertThatThrownBy(() -> EmailAddress.of("a".repeat(65) + "@example.com")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> EmailAddress.of("a@" + "b".repeat(250) + ".com")).isInstanceOf(ValidationException.class);
    }
}
