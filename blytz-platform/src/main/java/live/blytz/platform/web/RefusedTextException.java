package live.blytz.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A string in a request body that breaks the {@code TextRule}; Jackson adds the path of the field as it unwinds. */
final class RefusedTextException extends MismatchedInputException {

    RefusedTextException(JsonParser parser, String reason) {
        super(parser, reason);
    }

    /** Why the text was refused, for the client. */
    String reason() {
        return getOriginalMessage();
    }
}
