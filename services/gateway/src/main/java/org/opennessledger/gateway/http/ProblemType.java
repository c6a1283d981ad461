package org.opennessledger.gateway.http;

/** The kinds of error the API answers with; {@link #uri()} is the problem's {@code type}. */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "The request does not match the API description"),
    UNAUTHORIZED(401, "unauthorized", "A valid bearer token is required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    /** This deployment does not fetch documents from their source (LEDGER_DOCUMENT_FETCH is off). */
    DOCUMENT_FETCH_DISABLED(403, "document-fetch-disabled", "Fetching documents is switched off"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONFLICT(409, "conflict", "Conflict with the current state"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    UNPROCESSABLE(422, "unprocessable", "The request was refused"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many writes for now"),
    INTERNAL(500, "internal", "Internal error"),
    /** A source the gateway fetched from failed: no connection, a timeout, a server error. */
    BAD_GATEWAY(502, "bad-gateway", "The source could not be read"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    private static final String TYPE_PREFIX = "urn:openness-ledger:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return TYPE_PREFIX + slug;
    }

    /** The closest type for an HTTP status that a lower layer (e.g. Vert.x itself) chose. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}
