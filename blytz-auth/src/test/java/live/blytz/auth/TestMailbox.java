package live.blytz.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) in the test JVM, started once on a free port by {@link TestMailboxInitializer}
 * before the shared Spring context, which sends to it. Tests find their mails by their own unique recipient.
 */
final class TestMailbox {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    private static GreenMail server;

    private TestMailbox() {
    }

    /** Starts the server if needed and returns its port. */
    static synchronized int start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server.getSmtp().getPort();
    }

    /** Waits (up to 10 s) for a mail to {@code recipient} and returns the token in its link. */
    static String tokenMailedTo(String recipient) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            Optional<MimeMessage> mail = Arrays.stream(server.getReceivedMessages())
                    .filter(message -> to(message).equalsIgnoreCase(recipient))
                    .reduce((first, second) -> second);
            if (mail.isPresent()) {
                Matcher matcher = TOKEN.matcher(GreenMailUtil.getBody(mail.get()).replace("=\r\n", ""));
                assertThat(matcher.find()).as("the mail carries a token link").isTrue();
                return matcher.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No mail to " + recipient + " within 10 s");
    }

    static long mailsTo(String recipient) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> to(message).equalsIgnoreCase(recipient))
                .count();
    }

    private static String to(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
