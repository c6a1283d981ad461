import { api } from "../api";
import { el, link, render } from "../dom";

/** A claim: statement, evidence, rationale, status with its policy version, and the reviews. */
export async function claimPage(root: HTMLElement, claimId: string): Promise<void> {
  render(root, el("p", { role: "status" }, "Loading…"));
  const claim = await api.claim(claimId, null);
  render(root, 
    el("p", {}, link(`#/models/${encodeURIComponent(claim.modelId)}`, "← Model")),
    el("h1", {}, `${claim.component} is ${claim.openness}`, claim.licence ? ` under ${claim.licence}` : ""),
    el("p", { class: `status ${claim.status.toLowerCase()}` }, `Status: ${claim.status.toLowerCase()}`,
      claim.locked ? " (locked)" : "", ` · policy ${claim.policyVersion} · since ${claim.statusSince.slice(0, 10)}`,
      claim.openDisputeId ? " · under dispute" : "",
      claim.supersededBy ? el("span", {}, " · superseded by ",
        link(`#/claims/${encodeURIComponent(claim.supersededBy)}`, "a newer claim")) : null),
    el("p", {}, `Release: ${claim.releaseId ?? "the whole family"} · proposed ${claim.proposedAt.slice(0, 10)}`),
    el("h2", {}, "Rationale"),
    el("p", { class: "rationale" }, claim.rationale),
    el("h2", {}, "Evidence"),
    el("ul", {}, ...claim.evidence.map((evidence) => el("li", {}, link(evidence.url, evidence.url),
      evidence.quote ? el("blockquote", {}, evidence.quote) : null, ` (retrieved ${evidence.retrievedOn})`))),
    el("h2", {}, `Reviews (${claim.agreeCount} agree, ${claim.disagreeCount} disagree)`),
    el("ul", {}, ...claim.reviews.map((review) => el("li", {}, `${review.verdict}`,
      review.reason ? `: ${review.reason}` : "", el("span", { class: "who" }, ` — ${review.reviewerId}`)))));
}
