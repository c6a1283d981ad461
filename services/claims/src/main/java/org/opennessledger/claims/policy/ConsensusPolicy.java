package org.opennessledger.claims.policy;

import java.time.Duration;
import java.util.Objects;
import org.opennessledger.contracts.policy.ConsensusPolicyPublished;
import org.opennessledger.contracts.values.ClaimStatus;

/**
 * Thresholds that turn reviews into a status. A claim stays PROPOSED until it has
 * {@code minimumReviews}; then it is ACCEPTED when the agreeing share reaches {@code acceptRatio},
 * REJECTED when the disagreeing share reaches {@code rejectRatio}, else PROPOSED. Both ratios are
 * above one half, so at most one of them can be reached.
 */
public record ConsensusPolicy(String version, int minimumReviews, double acceptRatio, double rejectRatio,
                              Duration lockAfter) {

    public static final String DEFAULT_VERSION = "v1";
    /** The built-in policy: 3 reviews, two thirds either way, locked after 14 days. */
    public static final ConsensusPolicy DEFAULT =
            new ConsensusPolicy(DEFAULT_VERSION, 3, 2.0 / 3.0, 2.0 / 3.0, Duration.ofDays(14));

    /** Absorbs rounding of ratios such as 2/3 so that 2 of 3 reviews meet them. */
    private static final double TOLERANCE = 1e-9;

    public ConsensusPolicy {
        Objects.requireNonNull(version, "version is required");
        if (minimumReviews < 1) {
            throw new IllegalArgumentException("minimumReviews must be at least 1, got " + minimumReviews);
        }
        requireRatio("acceptRatio", acceptRatio);
        requireRatio("rejectRatio", rejectRatio);
        if (lockAfter == null || lockAfter.isZero() || lockAfter.isNegative()) {
            throw new IllegalArgumentException("lockAfter must be a positive duration, got " + lockAfter);
        }
    }

    /**
     * The built-in policy with the platform's lock period. An override that differs from the
     * default's 14 days makes a different policy, so its version says so: "v1+lock-" followed by
     * the period as {@link Duration#toString()} prints it, e.g. "v1+lock-PT3S".
     *
     * @param lockAfterOverride the configured lock period, or null for none
     */
    public static ConsensusPolicy builtIn(Duration lockAfterOverride) {
        if (lockAfterOverride == null || lockAfterOverride.equals(DEFAULT.lockAfter())) {
            return DEFAULT;
        }
        return new ConsensusPolicy(DEFAULT_VERSION + "+lock-" + lockAfterOverride, DEFAULT.minimumReviews(),
                DEFAULT.acceptRatio(), DEFAULT.rejectRatio(), lockAfterOverride);
    }

    public static ConsensusPolicy of(ConsensusPolicyPublished published) {
        return new ConsensusPolicy(published.policyVersion(), published.minimumReviews(), published.acceptRatio(),
                published.rejectRatio(), published.lockAfter());
    }

    public ClaimStatus evaluate(int agree, int disagree) {
        if (agree < 0 || disagree < 0) {
            throw new IllegalArgumentException("review counts cannot be negative: " + agree + "/" + disagree);
        }
        int total = agree + disagree;
        if (total < minimumReviews) {
            return ClaimStatus.PROPOSED;
        }
        if (reaches(agree, total, acceptRatio)) {
            return ClaimStatus.ACCEPTED;
        }
        if (reaches(disagree, total, rejectRatio)) {
            return ClaimStatus.REJECTED;
        }
        return ClaimStatus.PROPOSED;
    }

    private static boolean reaches(int count, int total, double ratio) {
        return count >= ratio * total - TOLERANCE;
    }

    private static void requireRatio(String name, double ratio) {
        if (!(ratio > 0.5 && ratio <= 1.0)) {
            throw new IllegalArgumentException(name + " must be above 0.5 and at most 1.0, got " + ratio);
        }
    }
}
