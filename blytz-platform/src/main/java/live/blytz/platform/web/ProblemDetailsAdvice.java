package live.blytz.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import live.blytz.sharedkernel.error.AtCapacityException;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.Echo;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ForbiddenException;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import live.blytz.sharedkernel.error.UnauthorizedException;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every exception a controller lets escape into an RFC 9457 problem: the right 4xx for what the client
 * can fix, 503 with {@code Retry-After} for a dependency that is down ({@link DependencyOutages}, wherever in the
 * exception's causes the outage shows), and a bare 500 (logged with the request id) for the rest.
 * Messages are written for API users; framework text, class names and SQL never leave the server.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final ProblemResponseWriter problems;

    ProblemDetailsAdvice(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    // --- the domain errors of the shared kernel ---

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return respond(problem(request, HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        ProblemDetail problem = problem(request, HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", e.getMessage());
        e.details().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e, HttpServletRequest request) {
        return respond(problem(request, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(request, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(ValidationException e, HttpServletRequest request) {
        return respond(validationProblem(request, e.errors()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> atCapacity(AtCapacityException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(request, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                        "Service unavailable", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e, HttpServletRequest request) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(request, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too many requests",
                        e.getMessage()));
    }

    // --- persistence ---

    @ExceptionHandler
    ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException e, HttpServletRequest request) {
        return respond(problem(request, HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict",
                "The resource was changed by someone else; reload it and apply your change again"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return respond(problem(request, HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict",
                "A resource with the same unique values already exists"));
    }

    /**
     * A value the database refused (a CHECK, a NUL byte, a numeric overflow) that validation let through: the
     * client's input is at fault, so a 400, but without the database's words. Logged, as it marks a missing rule.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refusedByTheDatabase(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn("Input refused by the database (a validation rule is missing) in request {}: {}",
                RequestIds.of(request), e.getMostSpecificCause().getClass().getSimpleName());
        return respond(problem(request, HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "The request contains a value that cannot be stored"));
    }

    // --- security: left to the filter chain, which answers 401 to anonymous callers and 403 to the others ---

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowSecurity(RuntimeException e) {
        throw e;
    }

    // --- anything else: a dependency that is down (503, DependencyOutages), or a bug (500) ---

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DependencyOutages.isOutage(e)) {
            return serviceUnavailable(e, request);
        }
        log.error("Unexpected error handling {} {} (request {})", Echo.of(request.getMethod()),
                Echo.of(request.getRequestURI()), RequestIds.of(request), e);
        return respond(problem(request, HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "Something went wrong on our side; quote the request id when you report it"));
    }

    // --- Spring MVC's own exceptions, with our wording ---

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        // A value of the wrong type (a binding failure) is named for that, not again as, e.g., "must not be null".
        Set<String> mistyped = e.getBindingResult().getFieldErrors().stream()
                .filter(org.springframework.validation.FieldError::isBindingFailure)
                .map(error -> JsonFieldNames.of(error.getField()))
                .collect(Collectors.toSet());
        e.getBindingResult().getFieldErrors().stream()
                .filter(error -> error.isBindingFailure() || !mistyped.contains(JsonFieldNames.of(error.getField())))
                .forEach(error -> errors.add(new FieldError(JsonFieldNames.of(error.getField()), message(error))));
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new FieldError(JsonFieldNames.of(error.getObjectName()), message(error))));
        return body(validationProblem(servlet(request), errors), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String parameter = JsonFieldNames.of(result.getMethodParameter().getParameterName() == null
                    ? "parameter" : result.getMethodParameter().getParameterName());
            if (result instanceof ParameterErrors parameterErrors) {
                parameterErrors.getFieldErrors().forEach(error ->
                        errors.add(new FieldError(JsonFieldNames.of(error.getField()), message(error))));
            } else {
                result.getResolvableErrors().forEach(error -> errors.add(new FieldError(parameter, message(error))));
            }
        });
        return body(validationProblem(servlet(request), errors), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = servlet(request);
        if (causedBy(e, PayloadTooLargeException.class) != null) {
            long limit = Long.parseLong(String.valueOf(servletRequest.getAttribute(BodySizeLimitFilter.LIMIT_ATTRIBUTE)));
            return body(BodySizeLimitFilter.tooLarge(servletRequest, limit), headers);
        }
        RefusedTextException refusedText = causedBy(e, RefusedTextException.class);
        if (refusedText != null) {
            return body(validationProblem(servletRequest, List.of(new FieldError(path(refusedText),
                    refusedText.reason()))), headers);
        }
        UnrecognizedPropertyException unknown = causedBy(e, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return body(validationProblem(servletRequest, List.of(new FieldError(path(unknown),
                    "is not a field this endpoint accepts"))), headers);
        }
        JsonNumberBounds.OutOfBoundsNumberException outOfBounds =
                causedBy(e, JsonNumberBounds.OutOfBoundsNumberException.class);
        if (outOfBounds != null) {
            return body(validationProblem(servletRequest, List.of(new FieldError(path(outOfBounds), outOfBounds.problem()))),
                    headers);
        }
        InputCoercionException overflow = causedBy(e, InputCoercionException.class);
        if (overflow != null && !overflow.getPath().isEmpty()) {
            return body(validationProblem(servletRequest, List.of(new FieldError(path(overflow), "is out of range"))),
                    headers);
        }
        MismatchedInputException mismatch = causedBy(e, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            return body(validationProblem(servletRequest, List.of(new FieldError(path(mismatch),
                    JsonTypeMessages.of(mismatch)))), headers);
        }
        StreamReadException unreadable = causedBy(e, StreamReadException.class);
        String duplicate = unreadable == null ? null : JsonTypeMessages.duplicateKey(unreadable);
        if (duplicate != null) {
            String parent = path(unreadable);
            return body(validationProblem(servletRequest, List.of(new FieldError(
                    parent.equals("body") ? duplicate : parent + "." + duplicate, "is given more than once"))), headers);
        }
        String detail = mismatch != null ? "The request body must be exactly one JSON object"
                : unreadable != null || causedBy(e, JacksonException.class) != null
                ? "The request body is not well-formed JSON"
                : "The request body is missing or cannot be read";
        return body(problem(servletRequest, HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                detail), headers);
    }

    /** A value Spring could not bind; query parameters and path variables are refused earlier, all at once. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        return body(validationProblem(servlet(request), List.of(new FieldError(JsonFieldNames.of(name),
                StrictParameters.messageOf(e)))), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(validationProblem(servlet(request), List.of(new FieldError(e.getParameterName(), "is required"))),
                headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(ProblemResponseWriter.noRoute(servlet(request)), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(ProblemResponseWriter.noRoute(servlet(request)), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = servlet(request);
        return body(problem(servletRequest, HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED,
                "Method not allowed", Echo.of(servletRequest.getMethod()) + " is not supported here; see the Allow header"),
                headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(problem(servlet(request), HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type", "Send the body as application/json"), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(problem(servlet(request), HttpStatus.NOT_ACCEPTABLE, ProblemTypes.NOT_ACCEPTABLE,
                "Not acceptable", "This endpoint answers in application/json"), headers);
    }

    /** The remaining MVC exceptions keep Spring's status; the body gets our type, instance and request id. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servletRequest = servlet(request);
        if (statusCode.is5xxServerError()) {
            log.error("Request {} failed", RequestIds.of(servletRequest), e);
        }
        ProblemDetail problem = body instanceof ProblemDetail existing ? existing : ProblemDetail.forStatus(statusCode);
        if (statusCode.is5xxServerError()) {
            problem.setDetail("Something went wrong on our side; quote the request id when you report it");
        }
        ProblemResponseWriter.decorate(problem, servletRequest);
        return body(problem, headers);
    }

    // --- helpers ---

    private static ProblemDetail problem(HttpServletRequest request, HttpStatus status, java.net.URI type,
            String title, String detail) {
        return ProblemResponseWriter.problem(request, status, type, title, detail);
    }

    static ProblemDetail validationProblem(HttpServletRequest request, List<FieldError> errors) {
        ProblemDetail problem = problem(request, HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "The request has " + errors.size() + (errors.size() == 1 ? " invalid field" : " invalid fields"));
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList());
        return problem;
    }

    private ResponseEntity<ProblemDetail> serviceUnavailable(Exception e, HttpServletRequest request) {
        if (DependencyOutages.failedFast(e)) {
            log.debug("Request {} refused: a dependency is down (circuit open)", RequestIds.of(request));
        } else {
            log.warn("Dependency unavailable in request {}: {}", RequestIds.of(request), DependencyOutages.describe(e));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, problems.retryAfter())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponseWriter.unavailable(request));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> body(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(all).body(problem);
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static <T extends Throwable> @Nullable T causedBy(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
