package org.opennessledger.gateway.http;

/**
 * One offending part of a request: {@code pointer} is a JSON pointer into the body
 * ({@code /evidence/0/url}) or names a parameter ({@code path parameter version}).
 */
public record FieldError(String pointer, String detail) {
}
