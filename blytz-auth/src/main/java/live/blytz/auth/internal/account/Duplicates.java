package live.blytz.auth.internal.account;

import org.springframework.dao.DuplicateKeyException;

/** Recognises a unique-constraint violation however Spring Data wrapped it. */
final class Duplicates {

    private Duplicates() {
    }

    static boolean isDuplicate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }
}
