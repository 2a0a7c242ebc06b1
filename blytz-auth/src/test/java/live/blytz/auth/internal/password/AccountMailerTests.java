package live.blytz.auth.internal.password;

import static org.assertj.core.api.Assertions.assertThat;

import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.TestAuthProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.MailSender;
import org.springframework.mock.env.MockEnvironment;

/**
 * Without an SMTP server a mail is not sent; its text, which carries a live token, reaches the log only where a
 * developer asked for it ({@code blytz.auth.mail.log-to-console}, set by the demo profile alone).
 */
@ExtendWith(OutputCaptureExtension.class)
class AccountMailerTests {

    private static final String TOKEN = "live-reset-token-Xq3V1c0m0sJ9bW2X8yq5fYd0G4lHq7cE";

    @Test
    void withoutTheOptInTheLogSaysThatAMailWasNotSentButNotWhatItSaid(CapturedOutput output) {
        AccountMailer mailer = mailerWithoutSmtp(TestAuthProperties.withHashing(10, 1, 4));
        mailer.send("ada@example.com", "Reset your Blytz password", "Open " + mailer.link("/reset-password", TOKEN));
        mailer.destroy();

        assertThat(output.getAll()).contains("Reset your Blytz password", "was not sent").doesNotContain(TOKEN);
    }

    @Test
    void withTheOptInADeveloperCanFollowTheLinkFromTheLog(CapturedOutput output) {
        AccountMailer mailer = mailerWithoutSmtp(TestAuthProperties.withMailLoggedToConsole());
        mailer.send("ada@example.com", "Reset your Blytz password", "Open " + mailer.link("/reset-password", TOKEN));
        mailer.destroy();

        assertThat(output.getAll()).contains("ada@example.com", "/reset-password?token=" + TOKEN);
    }

    private static AccountMailer mailerWithoutSmtp(AuthProperties properties) {
        return new AccountMailer(new StaticListableBeanFactory().getBeanProvider(MailSender.class),
                new MockEnvironment(), properties);
    }
}
