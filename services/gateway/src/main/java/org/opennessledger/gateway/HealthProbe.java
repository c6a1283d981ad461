package org.opennessledger.gateway;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One dependency that {@code GET /health} checks. {@code check} answers true when the dependency
 * is usable; false, a failed future or no answer within a few seconds count as down. It may block
 * (it is called on a worker thread).
 */
public record HealthProbe(String name, Supplier<CompletableFuture<Boolean>> check) {

    public HealthProbe {
        Objects.requireNonNull(name, "probe name is required");
        Objects.requireNonNull(check, "probe check is required");
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("probe name must be 1-64 characters of A-Z a-z 0-9 . _ -: " + name);
        }
    }
}
