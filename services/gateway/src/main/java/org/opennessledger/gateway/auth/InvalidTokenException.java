package org.opennessledger.gateway.auth;

/** The bearer token cannot be trusted; the message says why, in words fit for the client. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
