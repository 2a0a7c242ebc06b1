package live.blytz.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import live.blytz.sharedkernel.Ids;
import org.jspecify.annotations.Nullable;

/** The request id every response and log line carries: the caller's when well formed, else a new one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    public static final String MDC_KEY = "request_id";
    static final String ATTRIBUTE = RequestIds.class.getName();

    // Short, printable and free of separators, so a caller cannot inject log lines or headers through it.
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    static String accept(@Nullable String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches() ? candidate : Ids.newId().toString();
    }

    /** The id assigned to this request (a fresh one if the request id filter has not run). */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id instanceof String value) {
            return value;
        }
        String assigned = accept(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, assigned);
        return assigned;
    }
}
