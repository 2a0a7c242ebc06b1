package live.blytz.users.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import live.blytz.sharedkernel.HttpUrls;
import live.blytz.sharedkernel.Patch;
import live.blytz.sharedkernel.PhoneNumbers;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.users.internal.directory.DisplayNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileRulesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+44 20 7946 0958   | +442079460958",
            "+1 (415) 555-0132  | +14155550132",
            "0049 151 1234 5678 | +4915112345678",
            "+49.151.12345678   | +4915112345678"})
    void phoneNumbersAreNormalisedToE164(String typed, String e164) {
        assertThat(PhoneNumbers.toE164(typed)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0151 1234 5678", "+0 151 1234", "+12345", "+1234567890123456", "+49 151 abc", "++49151123"})
    void phoneNumbersWithoutCountryCodeOrOfTheWrongLengthAreRefused(String typed) {
        assertThat(PhoneNumbers.toE164(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "ftp://example.com/a.png", "data:image/png;base64,AAAA", "//cdn/a.png",
            "https://user:pw@example.com/a.png", "https:///a.png", "not a url"})
    void avatarUrlsMustBeHttpOrHttpsWithAHost(String url) {
        assertThat(problems(ProfileField.AVATAR_URL, url)).extracting(FieldError::field).containsExactly("avatar_url");
    }

    @Test
    void avatarUrlsAreCappedAndKeepTheirPathButNotTheSchemeCase() {
        String tooLong = "https://example.com/" + "a".repeat(HttpUrls.MAX_LENGTH);
        assertThat(problems(ProfileField.AVATAR_URL, tooLong)).hasSize(1);
        assertThat(ProfileRules.normalise(ProfileField.AVATAR_URL, "HTTPS://Example.com/A.png", new ArrayList<>()))
                .isEqualTo("https://Example.com/A.png");
    }

    @Test
    void namesAreTrimmedCappedAndPlain() {
        assertThat(ProfileRules.normalise(ProfileField.FIRST_NAME, "  Zoë  ", new ArrayList<>())).isEqualTo("Zoë");
        assertThat(problems(ProfileField.FIRST_NAME, "x".repeat(51))).hasSize(1);
        assertThat(problems(ProfileField.LAST_NAME, "<b>Bold</b>")).hasSize(1);
        assertThat(problems(ProfileField.LAST_NAME, "Line\u0000Break")).hasSize(1);
        assertThat(problems(ProfileField.DISPLAY_NAME, "A")).hasSize(1);
    }

    @Test
    void aBioIsPlainTextOfLimitedLength() {
        assertThat(ProfileRules.normalise(ProfileField.BIO, "Collector.\nSells vinyl & tapes < 1990.", new ArrayList<>()))
                .isEqualTo("Collector.\nSells vinyl & tapes < 1990.");
        assertThat(problems(ProfileField.BIO, "<script>alert(1)</script>")).hasSize(1);
        assertThat(problems(ProfileField.BIO, "é".repeat(ProfileRules.MAX_BIO))).isEmpty();
        assertThat(problems(ProfileField.BIO, "é".repeat(ProfileRules.MAX_BIO + 1))).hasSize(1);
    }

    @Test
    void blankOrNullClearsAField() {
        assertThat(ProfileRules.normalise(ProfileField.BIO, "   ", new ArrayList<>())).isNull();
        assertThat(ProfileRules.normalise(ProfileField.PHONE, null, new ArrayList<>())).isNull();
    }

    @Test
    void anEditReportsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> ProfileEdit.of(Patch.of("Ada"), Patch.absent(), Patch.absent(), Patch.of("ftp://x"),
                Patch.of("12345"), Patch.absent()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("phone", "avatar_url"));
    }

    @Test
    void theDisplayNameIsChosenOrDerived() {
        UUID id = UUID.fromString("01937a6e-0000-7000-8000-00000abcdef1");
        assertThat(DisplayNames.of(id, "Ada", "Lovelace", null)).isEqualTo("Ada L.");
        assertThat(DisplayNames.of(id, "Ada", "Lovelace", "Countess")).isEqualTo("Countess");
        assertThat(DisplayNames.of(id, "Ada", null, null)).isEqualTo("Ada");
        assertThat(DisplayNames.of(id, null, "Lovelace", null)).isEqualTo("Lovelace");
        assertThat(DisplayNames.of(id, null, null, null)).isEqualTo("User bcdef1");
    }

    private static List<FieldError> problems(ProfileField field, String value) {
        List<FieldError> errors = new ArrayList<>();
        ProfileRules.normalise(field, value, errors);
        return errors;
    }
}
