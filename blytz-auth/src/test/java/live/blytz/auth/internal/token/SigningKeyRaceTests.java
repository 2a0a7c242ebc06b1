package live.blytz.auth.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.account.Account;
import live.blytz.auth.internal.account.AccountRepository;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Key rotation by another instance, and a rotation while a token is being issued. */
@BlytzIntegrationTest
class SigningKeyRaceTests {

    @Autowired
    RestTestClient http;

    @Autowired
    SigningKeyRepository repository;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuthProperties properties;

    @Autowired
    AccountRepository accounts;

    @Autowired
    JwtDecoder decoder;

    @Test
    void aKeyAnotherInstanceJustRotatedInIsAcceptedAtOnce() throws Exception {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        SigningKeys otherInstance = new SigningKeys(repository, transactions, properties, Clock.systemUTC());
        String newKid = otherInstance.rotate().kid();
        // The other instance once the new key is active (the test profile's key-activation-delay is a second).
        Clock afterActivation = Clock.offset(Clock.systemUTC(), properties.keyActivationDelay().plusMillis(100));
        SigningKeys laterOtherInstance = new SigningKeys(repository, transactions, properties, afterActivation);
        String token = issue(new AccessTokens(laterOtherInstance, properties, afterActivation), user);
        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(newKid);

        // This instance has not re-read the keys yet (key-refresh is a minute): the unknown kid makes it do so.
        // Such re-reads happen at most once a second, and other tests present unknown kids too: let one pass.
        Thread.sleep(1_100);
        assertThat(decoder.decode(token).getSubject()).isEqualTo(user.id().toString());
    }

    @Test
    void aRotationBetweenTwoReadsOfTheSigningKeyDoesNotBreakIssuing() throws Exception {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        ECKey first = newKey();
        ECKey second = newKey();
        AtomicInteger reads = new AtomicInteger();
        SigningKeys rotatingEveryRead = new SigningKeys(repository, transactions, properties, Clock.systemUTC()) {
            @Override
            ECKey signingKey() {
                return reads.getAndIncrement() % 2 == 0 ? first : second;
            }
        };
        AccessTokens tokens = new AccessTokens(rotatingEveryRead, properties, Clock.systemUTC());

        String token = issue(tokens, user);

        SignedJWT jwt = SignedJWT.parse(token);
        ECKey signer = jwt.getHeader().getKeyID().equals(first.getKeyID()) ? first : second;
        assertThat(jwt.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(signer.toECPublicKey()))).isTrue();
    }

    private String issue(AccessTokens tokens, TestAccounts.Account user) {
        Account account = accounts.findById(user.id().value()).orElseThrow();
        return tokens.issue(account.id(), account.role(), account.tokensValidAfter(), Ids.newId());
    }

    private static ECKey newKey() throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                .keyIDFromThumbprint(true).generate();
    }
}
