package org.opennessledger.gateway.limits;

/**
 * How many writes (requests that change something) one person and one client address may make
 * per minute, as token buckets: up to the whole minute's allowance at once, refilled evenly.
 */
public record WriteLimits(int perPersonPerMinute, int perAddressPerMinute) {

    /** Far above what a person types; an import or a script hits them and is told when to retry. */
    public static final WriteLimits DEFAULT = new WriteLimits(300, 1200);

    public WriteLimits {
        if (perPersonPerMinute < 1 || perAddressPerMinute < 1) {
            throw new IllegalArgumentException("write limits must be at least 1 per minute");
        }
    }
}
