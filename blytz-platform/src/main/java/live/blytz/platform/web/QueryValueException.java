package live.blytz.platform.web;

/** A query parameter, path variable or header value not spelled as the API requires; the message is for clients. */
final class QueryValueException extends IllegalArgumentException {

    QueryValueException(String message) {
        super(message, null);
    }
}
