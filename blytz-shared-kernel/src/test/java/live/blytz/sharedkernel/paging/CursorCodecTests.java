package live.blytz.sharedkernel.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import live.blytz.sharedkernel.error.ValidationException;
import org.junit.jupiter.api.Test;

class CursorCodecTests {

    private static final String OLD_KEY = Base64.getEncoder().encodeToString("o".repeat(32).getBytes(StandardCharsets.US_ASCII));
    private static final String NEW_KEY = Base64.getEncoder().encodeToString("n".repeat(32).getBytes(StandardCharsets.US_ASCII));

    private final Cursor cursor = Cursor.of("-price", "25.00", "0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e");

    @Test
    void aCursorRoundTripsAsAnOpaqueUrlSafeString() {
        CursorCodec codec = CursorCodec.ofBase64(List.of(NEW_KEY));
        String encoded = codec.encode(cursor);
        assertThat(encoded).doesNotContain("price").matches("[A-Za-z0-9_-]+");
        assertThat(codec.decode(encoded, 3)).isEqualTo(cursor);
    }

    @Test
    void anUnsignedOrTamperedCursorIsA400NamingCursor() {
        CursorCodec codec = CursorCodec.ofBase64(List.of(NEW_KEY));
        String unsigned = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\u001f", cursor.values()).getBytes(StandardCharsets.UTF_8));
        assertInvalid(codec, unsigned);

        byte[] signed = Base64.getUrlDecoder().decode(codec.encode(cursor));
        signed[8] ^= 1; // "25.00" becomes "24.00": the tag no longer matches
        assertInvalid(codec, Base64.getUrlEncoder().withoutPadding().encodeToString(signed));
        assertInvalid(codec, "%%%not-base64");
        assertInvalid(codec, "");
        assertInvalid(codec, "x".repeat(CursorCodec.MAX_ENCODED_LENGTH + 1));
    }

    @Test
    void aCursorWithAnotherNumberOfValuesIsA400() {
        CursorCodec codec = CursorCodec.ofBase64(List.of(NEW_KEY));
        assertInvalid(codec, codec.encode(Cursor.of("a", "b")), 3);
    }

    @Test
    void theFirstKeySignsAndEveryKeyVerifiesSoAKeyCanBeRotated() {
        String inFlight = CursorCodec.ofBase64(List.of(OLD_KEY)).encode(cursor);
        CursorCodec rotated = CursorCodec.ofBase64(List.of(NEW_KEY, OLD_KEY));

        assertThat(rotated.decode(inFlight, 3)).isEqualTo(cursor);
        String issuedAfterRotation = rotated.encode(cursor);
        assertThat(CursorCodec.ofBase64(List.of(NEW_KEY)).decode(issuedAfterRotation, 3)).isEqualTo(cursor);
        assertInvalid(CursorCodec.ofBase64(List.of(OLD_KEY)), issuedAfterRotation);
    }

    @Test
    void aCursorSignedWithAKeyNoLongerListedIsA400() {
        String foreign = CursorCodec.ofBase64(List.of(OLD_KEY)).encode(cursor);
        assertInvalid(CursorCodec.ofBase64(List.of(NEW_KEY)), foreign);
        assertInvalid(new CursorCodec(List.of(CursorCodec.randomKey())), foreign);
    }

    @Test
    void keysMustBeBase64OfAtLeast32BytesAndAreNeverEchoed() {
        assertThatThrownBy(() -> CursorCodec.ofBase64(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CursorCodec.ofBase64(List.of("c2hvcnQ="))) // "short"
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> CursorCodec.ofBase64(List.of(NEW_KEY, "changeme!")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("changeme");
        String urlSafeUnpadded = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {-5, -1, 0, 1, 2, 3,
                4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30});
        assertThat(CursorCodec.ofBase64(List.of(" " + urlSafeUnpadded + " ")).encode(cursor)).isNotBlank();
    }

    @Test
    void theLongestCatalogCursorFits() {
        CursorCodec codec = CursorCodec.ofBase64(List.of(NEW_KEY));
        Cursor longest = Cursor.of("-title", "\uD83D\uDCA1".repeat(200), "0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e");
        assertThat(codec.decode(codec.encode(longest), 3)).isEqualTo(longest);
    }

    @Test
    void aRowIdIsACanonicalUuid() {
        assertThat(CursorCodec.id("0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e")).hasToString("0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e");
        for (String id : new String[] {"1-1-1-1-1", "0193A1F2-7C9E-7B1A-9D3E-5F0C2A4B6D8E", "not-an-id", ""}) {
            assertThatThrownBy(() -> CursorCodec.id(id)).as(id).isInstanceOf(ValidationException.class);
        }
    }

    private static void assertInvalid(CursorCodec codec, String encoded) {
        assertInvalid(codec, encoded, 3);
    }

    private static void assertInvalid(CursorCodec codec, String encoded, int arity) {
        assertThatThrownBy(() -> codec.decode(encoded, arity))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("cursor"));
    }
}
