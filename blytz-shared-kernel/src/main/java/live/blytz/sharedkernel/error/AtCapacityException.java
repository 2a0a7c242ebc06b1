package live.blytz.sharedkernel.error;

import java.time.Duration;

/**
 * This instance holds as much as it may of something every client shares (e.g. open streams), whoever asks (503);
 * {@link #retryAfter()} becomes {@code Retry-After}. A single client's excess is a {@link TooManyRequestsException}.
 */
public final class AtCapacityException extends DomainException {

    private final Duration retryAfter;

    public AtCapacityException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
