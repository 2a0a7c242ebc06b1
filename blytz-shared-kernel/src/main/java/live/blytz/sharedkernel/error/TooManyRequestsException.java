package live.blytz.sharedkernel.error;

import java.time.Duration;

/** The caller exceeded a rate limit or a throttle (429); {@link #retryAfter()} becomes {@code Retry-After}. */
public final class TooManyRequestsException extends DomainException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
