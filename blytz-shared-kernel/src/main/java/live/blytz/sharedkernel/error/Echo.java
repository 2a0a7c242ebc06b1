package live.blytz.sharedkernel.error;

/**
 * A client's value as a message or log line may quote it: at most {@value #MAX_CODE_POINTS} code points (never
 * half a surrogate pair), so that no input is echoed unbounded into a problem {@code detail} or a log.
 */
public final class Echo {

    public static final int MAX_CODE_POINTS = 100;

    private Echo() {
    }

    public static String of(Object clientValue) {
        String text = String.valueOf(clientValue);
        if (text.length() <= MAX_CODE_POINTS || text.codePointCount(0, text.length()) <= MAX_CODE_POINTS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CODE_POINTS)) + "\u2026";
    }
}
