package org.opennessledger.gateway.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A failure that becomes an {@code application/problem+json} answer. {@code detail} is shown to
 * the client, so it must say what to do and must not leak internals.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of(), null);
    }

    public ApiException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, Map.of(), null);
    }

    public ApiException(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers,
                        Throwable cause) {
        super(type.name() + ": " + detail, cause, false, false);
        this.type = Objects.requireNonNull(type);
        this.detail = Objects.requireNonNull(detail);
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException invalid(String pointer, String detail) {
        return new ApiException(ProblemType.INVALID_REQUEST, pointer + ": " + detail,
                List.of(new FieldError(pointer, detail)));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail);
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
