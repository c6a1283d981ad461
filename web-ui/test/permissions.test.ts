import { describe, expect, it } from "vitest";
import type { Argument, Claim, Dispute } from "../src/api";
import {
  argumentOpen, mayAppeal, mayArgue, mayDispute, mayFlag, mayHideClaim, mayRespondAsProducer, mayReview, openToReviews,
  speaksFor,
  type Viewer,
} from "../src/permissions";

const claim = (over: Partial<Claim> = {}): Claim => ({
  claimId: "c", modelId: "m", releaseId: null, component: "model-card", openness: "open", licence: null,
  evidence: [], rationale: "r", authorId: "alice", proposedAt: "2025-01-01T00:00:00Z", status: "PROPOSED",
  locked: false, policyVersion: "v1", statusSince: "2025-01-01T00:00:00Z", supersededBy: null, agreeCount: 0,
  disagreeCount: 0, reviews: [], openDisputeId: null, hidden: null, producerResponse: null, ...over,
});
const viewer = (subject: string, roles: string[], producerOrg: string | null = null): Viewer =>
  ({ subject, roles, producerOrg });
const BOB = viewer("bob", ["reviewer"]);
const ALICE = viewer("alice", ["reviewer"]);
const RITA = viewer("rita", ["producer", "reviewer"], "Example Lab");
const PAUL = viewer("paul", ["producer"], "Example Lab");
const HIDDEN = { by: "mia", reason: "spam", at: null };

describe("speaksFor", () => {
  it("matches a producer's organisation to the model's producer in any case and spacing", () => {
    expect(speaksFor(RITA, " example lab ")).toBe(true);
    expect(speaksFor(RITA, "Other Lab")).toBe(false);
    expect(speaksFor(viewer("x", ["reviewer"], "Example Lab"), "Example Lab")).toBe(false); // not a producer
    expect(speaksFor(null, "Example Lab")).toBe(false);
  });
});

describe("mayReview", () => {
  it("lets a reviewer other than the author review an open claim", () => {
    expect(mayReview(claim(), BOB, "Meta")).toBe(true);
  });

  it("refuses the author, visitors, non-reviewers and a producer of the model", () => {
    expect(mayReview(claim(), ALICE, "Meta")).toBe(false);
    expect(mayReview(claim(), null, "Meta")).toBe(false);
    expect(mayReview(claim(), PAUL, "Meta")).toBe(false);
    expect(mayReview(claim(), RITA, "Example Lab")).toBe(false);
    expect(mayReview(claim(), RITA, "Meta")).toBe(true);
  });

  it("a claim takes reviews unless locked, disputed, superseded or hidden, whoever asks", () => {
    expect(openToReviews(claim())).toBe(true);
    expect(openToReviews(claim({ status: "ACCEPTED" }))).toBe(true);
    expect(openToReviews(claim({ locked: true }))).toBe(false);
    expect(openToReviews(claim({ openDisputeId: "d" }))).toBe(false);
    expect(openToReviews(claim({ status: "SUPERSEDED" }))).toBe(false);
    expect(openToReviews(claim({ hidden: HIDDEN }))).toBe(false);
  });

  it("refuses locked, disputed, superseded and hidden claims", () => {
    expect(mayReview(claim({ locked: true }), BOB, null)).toBe(false);
    expect(mayReview(claim({ openDisputeId: "d" }), BOB, null)).toBe(false);
    expect(mayReview(claim({ status: "SUPERSEDED" }), BOB, null)).toBe(false);
    expect(mayReview(claim({ hidden: HIDDEN }), BOB, null)).toBe(false);
  });
});

describe("mayDispute", () => {
  it("only accepted or rejected claims, not locked, not already disputed, not by the author or the producer", () => {
    expect(mayDispute(claim({ status: "ACCEPTED" }), BOB, null)).toBe(true);
    expect(mayDispute(claim({ status: "REJECTED" }), BOB, null)).toBe(true);
    expect(mayDispute(claim(), BOB, null)).toBe(false);
    expect(mayDispute(claim({ status: "ACCEPTED", locked: true }), BOB, null)).toBe(false);
    expect(mayDispute(claim({ status: "ACCEPTED", openDisputeId: "d" }), BOB, null)).toBe(false);
    expect(mayDispute(claim({ status: "ACCEPTED" }), ALICE, null)).toBe(false);
    expect(mayDispute(claim({ status: "ACCEPTED" }), PAUL, null)).toBe(false); // no reviewer role
    expect(mayDispute(claim({ status: "ACCEPTED" }), RITA, "Example Lab")).toBe(false);
    expect(mayDispute(claim({ status: "ACCEPTED", hidden: HIDDEN }), BOB, null)).toBe(false);
  });
});

describe("mayAppeal", () => {
  const now = new Date("2025-06-10T12:00:00Z");
  const dispute = {
    disputeId: "d", claimId: "c", state: "DECIDED", disputedStatus: "ACCEPTED", disputerId: "bob", reason: "r",
    evidence: [], openedAt: null, ownerId: null, decisions: [], appeal: null, appealableUntil: "2025-06-12T00:00:00Z",
    closed: false,
  } satisfies Dispute;

  it("lets the claim's author and the disputer appeal, and nobody else", () => {
    expect(mayAppeal(dispute, claim(), ALICE, now)).toBe(true);
    expect(mayAppeal(dispute, claim(), BOB, now)).toBe(true);
    expect(mayAppeal(dispute, claim(), viewer("carol", ["reviewer"]), now)).toBe(false);
    expect(mayAppeal(dispute, claim(), viewer("alice", ["producer"]), now)).toBe(false); // needs the reviewer role
  });

  it("refuses once the window has passed", () => {
    expect(mayAppeal(dispute, claim(), ALICE, new Date("2025-06-13T00:00:00Z"))).toBe(false);
  });
});

describe("the producer's response", () => {
  it("is for a producer of the model's organisation, once, on a claim that is not hidden", () => {
    expect(mayRespondAsProducer(claim(), PAUL, "Example Lab")).toBe(true);
    expect(mayRespondAsProducer(claim(), PAUL, "Meta")).toBe(false);
    expect(mayRespondAsProducer(claim(), BOB, "Example Lab")).toBe(false);
    expect(mayRespondAsProducer(claim({ producerResponse: { producerOrg: "Example Lab", authorId: "rita", text: "t",
      evidence: [], postedAt: null } }), PAUL, "Example Lab")).toBe(false);
    expect(mayRespondAsProducer(claim({ hidden: HIDDEN }), PAUL, "Example Lab")).toBe(false);
  });
});

describe("arguments, flags and hiding", () => {
  const argument = (over: Partial<Argument> = {}): Argument => ({
    argumentId: "a", claimId: "c", parentArgumentId: null, stance: "pro", text: "t", evidence: [], authorId: "bob",
    postedAt: null, revision: 1, editedAt: null, hidden: null, ...over,
  });

  it("argue as a reviewer and flag as anyone logged in, on a claim that is not hidden", () => {
    expect(mayArgue(claim(), BOB)).toBe(true);
    expect(mayArgue(claim(), PAUL)).toBe(false);
    expect(mayArgue(claim({ hidden: HIDDEN }), BOB)).toBe(false);
    expect(mayFlag(claim(), PAUL)).toBe(true);
    expect(mayFlag(claim(), null)).toBe(false);
    expect(mayFlag(claim({ hidden: HIDDEN }), PAUL)).toBe(false);
  });

  it("replies, flags and edits go to shown arguments, not to hidden ones even when a moderator reads them", () => {
    expect(argumentOpen(argument())).toBe(true);
    expect(argumentOpen(argument({ text: null, hidden: HIDDEN }))).toBe(false); // the public placeholder
    expect(argumentOpen(argument({ hidden: HIDDEN }))).toBe(false); // as a moderator reads it
  });

  it("an accepted or disputed claim cannot be hidden", () => {
    expect(mayHideClaim(claim())).toBe(true);
    expect(mayHideClaim(claim({ status: "REJECTED" }))).toBe(true);
    expect(mayHideClaim(claim({ status: "ACCEPTED" }))).toBe(false);
    expect(mayHideClaim(claim({ openDisputeId: "d" }))).toBe(false);
    expect(mayHideClaim(claim({ hidden: HIDDEN }))).toBe(false);
  });
});
