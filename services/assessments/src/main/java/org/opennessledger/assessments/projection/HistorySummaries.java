package org.opennessledger.assessments.projection;

import java.time.Duration;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimRejected;
import org.opennessledger.contracts.claims.ClaimReopened;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.claims.ClaimSuperseded;
import org.opennessledger.contracts.models.AcceptedClaimRecorded;
import org.opennessledger.contracts.models.AcceptedClaimWithdrawn;
import org.opennessledger.contracts.models.ModelFamilyRegistered;
import org.opennessledger.contracts.models.ReleaseRegistered;
import org.opennessledger.contracts.policy.ConsensusPolicyPublished;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.Verdict;

/** One-line, human-readable descriptions of events for the history timelines. */
final class HistorySummaries {

    private HistorySummaries() {
    }

    static String of(ModelFamilyRegistered e) {
        return "model family \"" + e.name() + "\"" + (e.producer() == null ? "" : " by " + e.producer()) + " registered";
    }

    static String of(ReleaseRegistered e) {
        return "release \"" + e.name() + "\"" + (e.version() == null ? "" : " (version " + e.version() + ")")
                + " registered in model family " + e.modelId();
    }

    static String of(ClaimProposed e) {
        return e.authorId() + " proposed claim " + e.claimId() + ": " + describe(e.target()) + " is "
                + (e.openness() == null ? "unspecified" : e.openness().id())
                + (e.licence() == null ? "" : " under licence " + e.licence());
    }

    static String of(ClaimReviewed e) {
        String verdict = e.verdict() == Verdict.AGREE ? "agreed with" : "disagreed with";
        String changed = e.previousVerdict() == null || e.previousVerdict() == e.verdict()
                ? "" : " (changed from " + e.previousVerdict().id() + ")";
        String because = e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason();
        return e.reviewerId() + " " + verdict + " claim " + e.claimId() + changed + because;
    }

    static String of(ClaimAccepted e) {
        return "claim " + e.claimId() + " accepted under policy " + e.policyVersion() + counts(e.agreeCount(),
                e.disagreeCount());
    }

    static String of(ClaimRejected e) {
        return "claim " + e.claimId() + " rejected under policy " + e.policyVersion()
                + counts(e.agreeCount(), e.disagreeCount()) + (e.wasAccepted() ? "; it is no longer accepted" : "");
    }

    static String of(ClaimReopened e) {
        return "claim " + e.claimId() + " reopened under policy " + e.policyVersion()
                + counts(e.agreeCount(), e.disagreeCount())
                + (e.previousStatus() == null ? "" : "; it was " + e.previousStatus().name());
    }

    static String of(ClaimLocked e) {
        return "claim " + e.claimId() + " locked as " + e.status().name();
    }

    static String of(ClaimSuperseded e) {
        return "claim " + e.claimId() + " superseded by claim " + e.supersededBy()
                + (e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason());
    }

    static String of(AcceptedClaimRecorded e) {
        return "claim " + e.claimId() + " recorded as the accepted claim for " + describe(e.target())
                + (e.previousClaimId() == null ? "" : ", replacing claim " + e.previousClaimId());
    }

    static String of(AcceptedClaimWithdrawn e) {
        return "claim " + e.claimId() + " withdrawn as the accepted claim for " + describe(e.target());
    }

    static String of(ConsensusPolicyPublished e) {
        return "consensus policy " + e.policyVersion() + " published: at least " + e.minimumReviews()
                + " reviews, accept at " + percent(e.acceptRatio()) + " agree, reject at "
                + percent(e.rejectRatio()) + " disagree, lock after " + describe(e.lockAfter());
    }

    private static String describe(ClaimTarget target) {
        String component = target.component().id();
        return target.familyWide()
                ? component + " of every release of " + target.modelId()
                : component + " of release " + target.releaseId();
    }

    private static String counts(int agree, int disagree) {
        return " (" + agree + " agree, " + disagree + " disagree)";
    }

    private static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }

    private static String describe(Duration duration) {
        if (duration == null) {
            return "an unspecified time";
        }
        if (!duration.isZero() && duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() == 1 ? "1 day" : duration.toDays() + " days";
        }
        return duration.toString();
    }
}
