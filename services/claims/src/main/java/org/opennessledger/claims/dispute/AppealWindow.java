package org.opennessledger.claims.dispute;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a first-stage dispute decision may be appealed. A component, so that the dispute's
 * handlers receive it as a parameter (like the consensus policy provider).
 */
public record AppealWindow(Duration length) {

    public AppealWindow {
        Objects.requireNonNull(length, "the appeal window's length is required");
        if (length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("the appeal window must be positive, got " + length);
        }
    }
}
