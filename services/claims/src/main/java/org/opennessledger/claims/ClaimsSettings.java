package org.opennessledger.claims;

import java.time.Duration;

/**
 * Settings of the write side.
 *
 * @param defaultLockAfter lock period of the built-in consensus policy v1 (null: its 14 days); any other
 *                         period makes it version "v1+lock-&lt;period&gt;", e.g. "v1+lock-PT3S"
 * @param appealWindow     how long after a first-stage dispute decision the claim's author or the disputer
 *                         may appeal (null: {@link #DEFAULT_APPEAL_WINDOW})
 * @param snapshotEvery    take an aggregate snapshot after this many events are read to load it
 * @param protectionMinimumAcceptedClaims accepted claims of their own a proposer needs on a model a
 *                         moderator protects from now on (models protected earlier keep their number)
 */
public record ClaimsSettings(Duration defaultLockAfter, Duration appealWindow, int snapshotEvery,
                             int protectionMinimumAcceptedClaims) {

    public static final Duration DEFAULT_APPEAL_WINDOW = Duration.ofDays(7);
    public static final ClaimsSettings DEFAULTS = new ClaimsSettings(null, null, 100);
    public static final int DEFAULT_PROTECTION_MINIMUM = 3;

    public ClaimsSettings {
        if (defaultLockAfter != null && (defaultLockAfter.isZero() || defaultLockAfter.isNegative())) {
            throw new IllegalArgumentException("defaultLockAfter must be positive, got " + defaultLockAfter);
        }
        if (appealWindow == null) {
            appealWindow = DEFAULT_APPEAL_WINDOW;
        }
        if (appealWindow.isZero() || appealWindow.isNegative()) {
            throw new IllegalArgumentException("appealWindow must be positive, got " + appealWindow);
        }
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be at least 1, got " + snapshotEvery);
        }
        if (protectionMinimumAcceptedClaims < 1) {
            throw new IllegalArgumentException("protectionMinimumAcceptedClaims must be at least 1, got "
                    + protectionMinimumAcceptedClaims);
        }
    }

    /** The default protection threshold of three accepted claims. */
    public ClaimsSettings(Duration defaultLockAfter, Duration appealWindow, int snapshotEvery) {
        this(defaultLockAfter, appealWindow, snapshotEvery, DEFAULT_PROTECTION_MINIMUM);
    }

    /** The default appeal window of seven days. */
    public ClaimsSettings(Duration defaultLockAfter, int snapshotEvery) {
        this(defaultLockAfter, null, snapshotEvery);
    }
}
