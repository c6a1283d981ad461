package org.opennessledger.claims;

import java.time.Duration;

/**
 * Settings of the write side.
 *
 * @param defaultLockAfter lock period of the built-in consensus policy v1 (null: its 14 days); any other
 *                         period makes it version "v1+lock-&lt;period&gt;", e.g. "v1+lock-PT3S"
 * @param snapshotEvery    take an aggregate snapshot after this many events are read to load it
 */
public record ClaimsSettings(Duration defaultLockAfter, int snapshotEvery) {

    public static final ClaimsSettings DEFAULTS = new ClaimsSettings(null, 100);

    public ClaimsSettings {
        if (defaultLockAfter != null && (defaultLockAfter.isZero() || defaultLockAfter.isNegative())) {
            throw new IllegalArgumentException("defaultLockAfter must be positive, got " + defaultLockAfter);
        }
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be at least 1, got " + snapshotEvery);
        }
    }
}
