// Which forms a reader is offered, mirroring the rules the API enforces (the API still decides; these
// only keep people from filling in forms that would be refused). Free of the DOM, tested on their own.
import type { Argument, Claim, Dispute } from "./api";
import { appealOpen } from "./history-logic";

export interface Viewer {
  subject: string;
  roles: string[];
  /** The organisation a producer account speaks for (token attribute producer_org), if any. */
  producerOrg: string | null;
}

const has = (viewer: Viewer | null, role: string): viewer is Viewer => viewer !== null && viewer.roles.includes(role);

/** A producer does not judge claims about its own organisation's models (it answers them). */
export function speaksFor(viewer: Viewer | null, organisation: string | null): boolean {
  return has(viewer, "producer") && viewer.producerOrg !== null && organisation !== null
    && viewer.producerOrg.toLowerCase() === organisation.trim().toLowerCase();
}

/** Claims a moderator hid take no reviews, arguments, disputes, responses or flags. */
function open(claim: Claim): boolean {
  return !claim.hidden;
}

/** Whether the claim takes reviews at all, whoever asks: not hidden, locked, disputed or superseded. */
export function openToReviews(claim: Claim): boolean {
  return open(claim) && !claim.locked && !claim.openDisputeId && claim.status !== "SUPERSEDED";
}

export function mayReview(claim: Claim, viewer: Viewer | null, modelProducer: string | null): boolean {
  return has(viewer, "reviewer") && openToReviews(claim) && viewer.subject !== claim.authorId
    && !speaksFor(viewer, modelProducer);
}

export function mayDispute(claim: Claim, viewer: Viewer | null, modelProducer: string | null): boolean {
  return has(viewer, "reviewer") && open(claim) && viewer.subject !== claim.authorId && !claim.locked
    && !claim.openDisputeId && (claim.status === "ACCEPTED" || claim.status === "REJECTED")
    && !speaksFor(viewer, modelProducer);
}

/** The claim's author or the disputer, a reviewer, once, while the appeal window is open. */
export function mayAppeal(dispute: Dispute, claim: Claim, viewer: Viewer | null, now: Date): boolean {
  return has(viewer, "reviewer") && appealOpen(dispute, now)
    && (viewer.subject === claim.authorId || viewer.subject === dispute.disputerId);
}

/** A producer of the model's organisation, once per claim. */
export function mayRespondAsProducer(claim: Claim, viewer: Viewer | null, modelProducer: string | null): boolean {
  return open(claim) && claim.producerResponse === null && speaksFor(viewer, modelProducer);
}

export function mayArgue(claim: Claim, viewer: Viewer | null): boolean {
  return has(viewer, "reviewer") && open(claim);
}

export function mayFlag(claim: Claim, viewer: Viewer | null): boolean {
  return viewer !== null && open(claim);
}

/** Replies, flags and edits go to arguments that are shown (a moderator also reads hidden ones). */
export function argumentOpen(argument: Argument): boolean {
  return argument.text !== null && !argument.hidden;
}

/** An accepted claim is the assessment (dispute it instead), and one under dispute waits for its decision. */
export function mayHideClaim(claim: Claim): boolean {
  return !claim.hidden && claim.status !== "ACCEPTED" && !claim.openDisputeId;
}
