package live.blytz.platform.web;

import java.io.IOException;

/** Raised while reading a body that grows past the configured limit (a chunked body has no Content-Length). */
final class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("The request body exceeds " + limit + " bytes", null);
    }
}
