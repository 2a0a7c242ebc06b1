package live.blytz.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.text.TextRule;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds the text of a request outside its body to the {@link TextRule} before anything reads it: the decoded path,
 * every query (and form) parameter name and value, and every header value (where tab is HTTP's own whitespace), all
 * {@link TextRule#SINGLE_LINE}. One 400 problem names every part that breaks the rule. (JSON bodies are checked by
 * {@link RequestBodyTextModule}.)
 * <p>
 * Tomcat decodes parameters lazily and throws from whichever {@code getParameter} call comes first, so a malformed
 * percent-escape or a byte sequence that is not UTF-8 used to be a 500 wherever that was. They are decoded here,
 * once, where that failure is the client's 400 (or 413 for a form body over Tomcat's limit).
 */
class RequestTextFilter extends OncePerRequestFilter {

    static final String NOT_PERCENT_ENCODED_UTF8 = "is not valid percent-encoded UTF-8";

    private final ProblemResponseWriter problems;

    RequestTextFilter(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemDetail refusal = refusal(request);
        if (refusal != null) {
            problems.write(request, response, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    private static @Nullable ProblemDetail refusal(HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        check("path", request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()), errors);
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                // Tab is whitespace in HTTP field values (RFC 9110), not a line break there.
                check(name, asMeant(value).replace('\t', ' '), errors);
            }
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            if (undecodable instanceof InvalidParameterException invalid && invalid.getErrorCode() == 413) {
                return ProblemResponseWriter.problem(request, HttpStatus.CONTENT_TOO_LARGE,
                        ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", "The form body is too large");
            }
            String field = firstUndecodableParameter(request.getQueryString());
            if (field == null) {
                return ProblemResponseWriter.problem(request, HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
                        "Malformed request", "The parameters cannot be read: too many of them, or a form body that "
                                + "is not valid percent-encoded UTF-8");
            }
            errors.add(new FieldError(field, NOT_PERCENT_ENCODED_UTF8));
            parameters = Map.of();
        }
        parameters.forEach((name, values) -> {
            check(name, name, errors);
            for (String value : values) {
                check(name, value, errors);
            }
        });
        return errors.isEmpty() ? null : ProblemDetailsAdvice.validationProblem(request, errors);
    }

    private static void check(String field, String text, List<FieldError> errors) {
        TextRule.SINGLE_LINE.violation(text).ifPresent(message -> {
            FieldError error = new FieldError(field, message);
            if (!errors.contains(error)) {
                errors.add(error);
            }
        });
    }

    /**
     * A header value as the client meant it. Tomcat reads header bytes as ISO-8859-1, so a UTF-8 value such as
     * {@code €} arrives with bytes in the C1 range; a value that is valid UTF-8 is checked as the text it encodes.
     */
    private static String asMeant(String latin1) {
        if (latin1.chars().allMatch(c -> c < 0x80)) {
            return latin1;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException notUtf8) {
            return latin1;
        }
    }

    /** The name of the first query parameter that is not valid percent-encoded UTF-8 ("query" if its name is not). */
    private static @Nullable String firstUndecodableParameter(@Nullable String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String decodedName = decode(name);
            if (decodedName == null) {
                return "query";
            }
            if (equals >= 0 && decode(pair.substring(equals + 1)) == null) {
                return decodedName;
            }
        }
        return null;
    }

    /** {@code application/x-www-form-urlencoded} decoding that fails rather than guesses; null when it fails. */
    private static @Nullable String decode(String encoded) {
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else {
                bytes.put((byte) (c == '+' ? ' ' : c));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(bytes.flip()).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
