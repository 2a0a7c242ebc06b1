package live.blytz.sharedkernel.paging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import live.blytz.sharedkernel.error.ValidationException;

/**
 * Turns cursors into the opaque strings clients carry and back, signed with HMAC-SHA256 so that a client can
 * only return a cursor this API issued (ADR 0017). The first key signs; every key verifies, so a new key can
 * be put first while the previous one still accepts the cursors in flight. A cursor is URL-safe Base64 of
 * its values (unit-separated UTF-8) followed by the 32-byte tag.
 */
public final class CursorCodec {

    /** 256 bits, the HMAC-SHA256 block's worth of secret that RFC 2104 recommends at least matching the output. */
    public static final int MIN_KEY_BYTES = 32;
    /** Room for the longest cursor the catalog issues: a title key of 200 code points is at most 800 UTF-8 bytes. */
    public static final int MAX_ENCODED_LENGTH = 1200;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int TAG_BYTES = 32;
    private static final String SEPARATOR = "\u001f";

    private final List<SecretKeySpec> keys;

    /** @param keys the signing key first, then the keys that still verify; each at least {@link #MIN_KEY_BYTES} */
    public CursorCodec(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one cursor key is needed");
        }
        if (keys.stream().anyMatch(key -> key.length < MIN_KEY_BYTES)) {
            throw new IllegalArgumentException("every cursor key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.keys = keys.stream().map(key -> new SecretKeySpec(key, ALGORITHM)).toList();
    }

    /**
     * Reads keys written as Base64 (standard or URL-safe, padding optional), as {@code openssl rand -base64 32}
     * prints them. The message of a refusal never contains a key.
     */
    public static CursorCodec ofBase64(List<String> keys) {
        return new CursorCodec(keys.stream().map(CursorCodec::base64Key).toList());
    }

    /** A fresh random key, for a single process that shares its cursors with nobody (development). */
    public static byte[] randomKey() {
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public String encode(Cursor cursor) {
        byte[] payload = String.join(SEPARATOR, cursor.values()).getBytes(StandardCharsets.UTF_8);
        byte[] signed = Arrays.copyOf(payload, payload.length + TAG_BYTES);
        System.arraycopy(tag(keys.getFirst(), payload), 0, signed, payload.length, TAG_BYTES);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("cursor values too long to be read back");
        }
        return encoded;
    }

    /**
     * Reads a cursor a client sent back, expecting {@code arity} values. Anything this API did not sign with one
     * of its keys, or with another number of values, is a 400 naming {@code cursor}.
     */
    public Cursor decode(String encoded, int arity) {
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        byte[] signed;
        try {
            signed = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (signed.length < TAG_BYTES) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(signed, signed.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(signed, payload.length, signed.length);
        if (keys.stream().noneMatch(key -> MessageDigest.isEqual(tag(key, payload), tag))) {
            throw invalid();
        }
        List<String> values = List.of(utf8(payload).split(SEPARATOR, -1));
        if (values.size() != arity) {
            throw invalid();
        }
        return new Cursor(values);
    }

    private static byte[] tag(SecretKeySpec key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw invalid();
        }
    }

    private static byte[] base64Key(String key) {
        try {
            return Base64.getDecoder().decode(key.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a cursor key is not Base64 (generate one with: openssl rand -base64 32)");
        }
    }

    /** The row id of a decoded cursor, in exactly the form the cursor was issued with (a lower-case UUID). */
    public static UUID id(String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equals(value)) {
                return id;
            }
        } catch (IllegalArgumentException malformed) {
            // refused below
        }
        throw invalid();
    }

    public static ValidationException invalid() {
        return ValidationException.of("cursor", "is not a cursor this API issued; start again without it");
    }
}
