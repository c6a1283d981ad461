package org.opennessledger.gateway.auth;

/** The realm's signing keys could not be fetched, so no token can be checked right now. */
public class IdentityProviderUnavailableException extends RuntimeException {

    public IdentityProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
