package live.blytz.auth.internal.password;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import live.blytz.auth.internal.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Sends the auth module's mails (password reset, e-mail verification) through Spring Boot's mail support, off
 * the request thread, on one worker with a bounded queue. With no SMTP server configured ({@code SPRING_MAIL_HOST}
 * unset: the embedded default; the {@code prod} profile refuses to start so) the log says only that a mail was not
 * sent: its text carries a live token. Only with {@code blytz.auth.mail.log-to-console}, which the demo profile
 * alone sets, is the mail written to the log, link and all, for a developer to follow (ADR 0008). Jobs also run
 * here because their timing must not tell whether an address is registered.
 */
@Component
class AccountMailer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountMailer.class);

    private final ObjectProvider<MailSender> sender;
    private final boolean smtpConfigured;
    private final boolean logToConsole;
    private final String from;
    private final String linkBaseUrl;
    private final long tokenLifetimeMinutes;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), task -> {
                Thread thread = new Thread(task, "auth-mail");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.AbortPolicy());

    AccountMailer(ObjectProvider<MailSender> sender, Environment environment, AuthProperties properties) {
        this.sender = sender;
        this.smtpConfigured = StringUtils.hasText(environment.getProperty("spring.mail.host"));
        this.logToConsole = properties.mail().logToConsole();
        this.from = properties.mail().from();
        this.linkBaseUrl = properties.mail().linkBaseUrl().replaceAll("/+$", "");
        this.tokenLifetimeMinutes = properties.mail().tokenLifetime().toMinutes();
    }

    /** The web client's link that carries a mailed token, e.g. {@code https://app.example/reset-password?token=...}. */
    String link(String path, String token) {
        return linkBaseUrl + path + "?token=" + token;
    }

    /** How long a mailed token is valid, for the mail's text. */
    long tokenLifetimeMinutes() {
        return tokenLifetimeMinutes;
    }

    /** Runs a job (look up, create a token, send) in the background; a full queue drops it, logged. */
    void inBackground(Runnable job) {
        try {
            worker.execute(() -> {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    log.warn("An account mail job failed: {}", e.getMessage(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Account mail queue is full; a mail was dropped");
        }
    }

    void send(String to, String subject, String text) {
        MailSender mail = sender.getIfAvailable();
        if (!smtpConfigured || mail == null) {
            if (logToConsole) {
                log.info("No SMTP server configured (SPRING_MAIL_HOST); this mail was not sent:\nTo: {}\nSubject: {}\n\n{}",
                        to, subject, text);
            } else {
                log.warn("No SMTP server configured (SPRING_MAIL_HOST): the mail '{}' was not sent", subject);
            }
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
        } catch (MailException e) {
            log.warn("Could not send the mail '{}': {}", subject, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }
}
