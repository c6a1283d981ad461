import { api, displayName, type Claim } from "../api";
import { session } from "../auth";
import { el, link, render } from "../dom";
import { canReview, field, loginPrompt, submitTo } from "../forms";

/** A claim: statement, evidence, rationale, status with its policy version, and the reviews. */
export async function claimPage(root: HTMLElement, claimId: string): Promise<void> {
  render(root, el("p", { role: "status" }, "Loading…"));
  const claim = await api.claim(claimId, null);
  const names = new Map<string, string>();
  await Promise.all([claim.authorId, ...claim.reviews.map((r) => r.reviewerId)]
    .map(async (subject) => names.set(subject, await displayName(subject))));
  render(root, 
    el("p", {}, link(`#/models/${encodeURIComponent(claim.modelId)}`, "← Model")),
    el("h1", {}, `${claim.component} is ${claim.openness}`, claim.licence ? ` under ${claim.licence}` : ""),
    el("p", { class: `status ${claim.status.toLowerCase()}` }, `Status: ${claim.status.toLowerCase()}`,
      claim.locked ? " (locked)" : "", ` · policy ${claim.policyVersion} · since ${claim.statusSince.slice(0, 10)}`,
      claim.openDisputeId ? " · under dispute" : "",
      claim.supersededBy ? el("span", {}, " · superseded by ",
        link(`#/claims/${encodeURIComponent(claim.supersededBy)}`, "a newer claim")) : null),
    el("p", {}, `Release: ${claim.releaseId ?? "the whole family"} · proposed ${claim.proposedAt.slice(0, 10)}`
      + ` by ${names.get(claim.authorId)}`),
    el("h2", {}, "Rationale"),
    el("p", { class: "rationale" }, claim.rationale),
    el("h2", {}, "Evidence"),
    el("ul", {}, ...claim.evidence.map((evidence) => el("li", {}, link(evidence.url, evidence.url),
      evidence.quote ? el("blockquote", {}, evidence.quote) : null, ` (retrieved ${evidence.retrievedOn})`))),
    el("h2", {}, `Reviews (${claim.agreeCount} agree, ${claim.disagreeCount} disagree)`),
    el("ul", { class: "reviews" }, ...claim.reviews.map((review) => el("li", {}, `${review.verdict}`,
      review.reason ? `: ${review.reason}` : "", el("span", { class: "who" }, ` — ${names.get(review.reviewerId)}`)))),
    reviewForm(root, claim),
    disputeForm(root, claim));
}

/** Dispute an accepted or rejected claim (reason and evidence), for anyone logged in but its author. */
function disputeForm(root: HTMLElement, claim: Claim): HTMLElement | null {
  const me = session();
  if (!me || me.subject === claim.authorId || claim.openDisputeId || claim.locked
      || !["ACCEPTED", "REJECTED"].includes(claim.status)) {
    return null;
  }
  const reason = el("textarea", { id: "dispute-reason", rows: "3", required: true, maxlength: "2000" });
  const url = el("input", { id: "dispute-url", type: "url", required: true, placeholder: "https://…" });
  const form = el("form", { class: "dispute", "aria-label": "Dispute this claim" }, el("h2", {}, "Dispute this claim"),
    field("Why", reason), field("Evidence URL", url), el("button", { type: "submit" }, "Open a dispute"));
  submitTo(form, `/api/claims/${encodeURIComponent(claim.claimId)}/disputes`, () => ({
    reason: reason.value,
    evidence: [{ url: url.value, retrievedOn: new Date().toISOString().slice(0, 10) }],
  }), () => void claimPage(root, claim.claimId));
  return form;
}

/** Agree or disagree (with a reason), for reviewers other than the author while the claim is open to reviews. */
function reviewForm(root: HTMLElement, claim: Claim): HTMLElement | null {
  if (claim.locked || claim.openDisputeId || claim.status === "SUPERSEDED") return null;
  const me = session();
  if (!me) return loginPrompt("review this claim");
  if (!canReview() || me.subject === claim.authorId) return null;
  const verdict = el("select", { id: "review-verdict", name: "verdict" },
    el("option", { value: "agree" }, "agree"), el("option", { value: "disagree" }, "disagree"));
  const reason = el("textarea", { id: "review-reason", name: "reason", rows: "3", maxlength: "2000" });
  const form = el("form", { class: "review", "aria-label": "Your review" },
    el("h2", {}, "Your review"), field("Verdict", verdict), field("Reason (needed to disagree)", reason),
    el("button", { type: "submit" }, "Send review"));
  submitTo(form, `/api/claims/${encodeURIComponent(claim.claimId)}/reviews`,
    () => (reason.value.trim() ? { verdict: verdict.value, reason: reason.value } : { verdict: verdict.value }),
    () => void claimPage(root, claim.claimId));
  return form;
}
