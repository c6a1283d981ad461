package org.opennessledger.contracts.views;

/**
 * The accepted claim that decides one component; {@code scope} is "release" or "family".
 * {@code openDisputeId} flags a component whose claim is under dispute right now: it is set in the
 * current views (model page, matrix) and always null in stored assessment versions, which record
 * what was assessed at the time.
 */
public record AssessedComponentView(String component, String claimId, String openness, String licence,
                                    String scope, String openDisputeId) {

    /** A component as assessed, without the current dispute state. */
    public AssessedComponentView(String component, String claimId, String openness, String licence, String scope) {
        this(component, claimId, openness, licence, scope, null);
    }

    public AssessedComponentView withOpenDispute(String disputeId) {
        return new AssessedComponentView(component, claimId, openness, licence, scope, disputeId);
    }
}
