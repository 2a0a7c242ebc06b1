package live.blytz.auth.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The resource server refuses every token that is not a current, untampered Blytz access token — tested over
 * HTTP against a protected endpoint, with tokens forged the ways attackers forge them.
 */
@BlytzIntegrationTest
class AccessTokenValidationTests {

    private static final String PROTECTED = "/api/v1/auth/sessions";

    @Autowired
    RestTestClient http;

    @Autowired
    SigningKeys keys;

    @Autowired
    AuthProperties properties;

    @Test
    void aWellFormedTokenSignedWithTheActiveKeyIsAccepted() throws Exception {
        expectStatus(sign(claims(UnaryOperator.identity())), 200);
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        expectStatus(sign(claims(c -> c.issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(15)))))), 401);
    }

    @Test
    void notYetValidTokenIsRefused() throws Exception {
        Instant future = Instant.now().plus(Duration.ofMinutes(10));
        expectStatus(sign(claims(c -> c.notBeforeTime(Date.from(future)))), 401);
    }

    @Test
    void tokenWithinTheClockSkewIsAccepted() throws Exception {
        Instant soon = Instant.now().plusSeconds(5);
        expectStatus(sign(claims(c -> c.notBeforeTime(Date.from(soon)))), 200);
    }

    @Test
    void wrongAudienceIsRefused() throws Exception {
        expectStatus(sign(claims(c -> c.audience("someone-else"))), 401);
    }

    @Test
    void wrongIssuerIsRefused() throws Exception {
        expectStatus(sign(claims(c -> c.issuer("https://evil.example"))), 401);
    }

    @Test
    void missingExpiryIsRefused() throws Exception {
        expectStatus(sign(claims(c -> c.expirationTime(null))), 401);
    }

    @Test
    void tamperedPayloadIsRefused() throws Exception {
        String token = sign(claims(UnaryOperator.identity()));
        String[] parts = token.split("\\.");
        JWTClaimsSet elevated = new JWTClaimsSet.Builder(JWTClaimsSet.parse(
                new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)))
                .claim("roles", List.of("admin")).build();
        String tampered = parts[0] + "." + Base64URL.encode(elevated.toString()) + "." + parts[2];
        expectStatus(tampered, 401);
    }

    @Test
    void algNoneIsRefused() throws Exception {
        PlainJWT unsigned = new PlainJWT(new com.nimbusds.jose.PlainHeader.Builder()
                .type(new JOSEObjectType(AccessTokens.TYPE)).build(), claims(UnaryOperator.identity()));
        expectStatus(unsigned.serialize(), 401);
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        ECKey publicKey = keys.signingKey().toPublicJWK();
        byte[] secret = publicKey.toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID())
                .type(new JOSEObjectType(AccessTokens.TYPE)).build(), claims(UnaryOperator.identity()));
        forged.sign(new MACSigner(secret));
        expectStatus(forged.serialize(), 401);
    }

    @Test
    void unknownKeyIdIsRefused() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        expectStatus(sign(stranger, stranger.getKeyID(), AccessTokens.TYPE, claims(UnaryOperator.identity())), 401);
    }

    @Test
    void foreignKeyClaimingOurKeyIdIsRefused() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).generate();
        expectStatus(sign(stranger, keys.signingKey().getKeyID(), AccessTokens.TYPE,
                claims(UnaryOperator.identity())), 401);
    }

    @Test
    void otherTokenTypeIsRefused() throws Exception {
        expectStatus(sign(keys.signingKey(), keys.signingKey().getKeyID(), "JWT", claims(UnaryOperator.identity())),
                401);
    }

    @Test
    void refreshTokenIsNoAccessToken() {
        TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);
        expectStatus(buyer.refreshToken(), 401);
        expectStatus(buyer.accessToken(), 200);
    }

    @Test
    void jwksVerifiesAnIssuedTokenWithAPlainNimbusVerifier() throws Exception {
        TestAccounts.Account seller = new TestAccounts(http).register(Role.SELLER);
        String jwks = new String(http.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);

        SignedJWT token = SignedJWT.parse(seller.accessToken());
        ECKey key = (ECKey) JWKSet.parse(jwks).getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(token.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(token.verify(new ECDSAVerifier(key))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(seller.id().toString());
        assertThat(claims.getIssuer()).isEqualTo(properties.issuer());
        assertThat(claims.getAudience()).containsExactly(properties.audience());
        assertThat(claims.getStringListClaim("roles")).containsExactly("seller");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssueTime()).isNotNull();
        assertThat(claims.getNotBeforeTime()).isNotNull();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(UUID.randomUUID().toString())
                .audience(properties.audience())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("buyer"))
                .claim("sid", UUID.randomUUID().toString());
        return change.apply(builder).build();
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        return sign(keys.signingKey(), keys.signingKey().getKeyID(), AccessTokens.TYPE, claims);
    }

    private static String sign(ECKey key, String kid, String type, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid)
                .type(new JOSEObjectType(type)).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private void expectStatus(String token, int status) {
        http.get().uri(PROTECTED).header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(status);
    }
}
