package org.opennessledger.gateway.limits;

import java.time.Duration;

/**
 * How many writes (requests that change something) one person and one client address may make
 * per {@code window} (a minute unless said otherwise), as token buckets: up to the whole window's
 * allowance at once, refilled evenly over the window.
 */
public record WriteLimits(int perPersonPerMinute, int perAddressPerMinute, Duration window) {

    /** Far above what a person types; an import or a script hits them and is told when to retry. */
    public static final WriteLimits DEFAULT = new WriteLimits(300, 1200);

    public WriteLimits(int perPersonPerMinute, int perAddressPerMinute) {
        this(perPersonPerMinute, perAddressPerMinute, Duration.ofMinutes(1));
    }

    public WriteLimits {
        if (perPersonPerMinute < 1 || perAddressPerMinute < 1) {
            throw new IllegalArgumentException("write limits must be at least 1 per window");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the write limits' window must be positive, got " + window);
        }
    }

    /** "a minute", "60 minutes", "30 seconds": for the refusal's wording. */
    String windowInWords() {
        if (window.equals(Duration.ofMinutes(1))) {
            return "a minute";
        }
        return window.toSecondsPart() == 0 && window.toMillisPart() == 0 ? "per " + window.toMinutes() + " minutes"
                : "per " + window.toSeconds() + " seconds";
    }
}
