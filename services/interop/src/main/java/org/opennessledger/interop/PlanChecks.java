package org.opennessledger.interop;

import org.opennessledger.contracts.models.ImportClaim;

/**
 * Checks a plan against the limits the write side enforces, before anything is sent, so that a file
 * the ledger would refuse halfway is refused whole (nothing of it is stored).
 */
public final class PlanChecks {

    /** The family's limits on names (ModelFamily.MAX_NAME, MAX_PRODUCER) and on rationales. */
    static final int MAX_NAME = 200;
    static final int MAX_RATIONALE = 10_000;
    static final int MAX_EVIDENCE = 20;

    private PlanChecks() {
    }

    public static ImportPlan checked(ImportPlan plan) throws SourceFormatException {
        require(plan.modelId() != null && !plan.modelId().isEmpty(), "the model's name gives no usable id");
        require(length(plan.family().name()) <= MAX_NAME, "the model's name is longer than " + MAX_NAME + " characters");
        require(length(plan.family().producer()) <= MAX_NAME,
                "the organisation's name is longer than " + MAX_NAME + " characters");
        require(length(plan.release().name()) <= MAX_NAME, "the release's name is longer than " + MAX_NAME + " characters");
        for (ImportClaim claim : plan.claims()) {
            require(length(claim.rationale()) <= MAX_RATIONALE, claim.target().component().id()
                    + ": the notes are longer than " + MAX_RATIONALE + " characters");
            require(claim.evidence().size() <= MAX_EVIDENCE, claim.target().component().id() + ": more than "
                    + MAX_EVIDENCE + " pieces of evidence");
        }
        return plan;
    }

    private static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    private static void require(boolean condition, String reason) throws SourceFormatException {
        if (!condition) {
            throw new SourceFormatException(0, reason);
        }
    }
}
