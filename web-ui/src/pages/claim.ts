import { api, displayName, type Claim, type Dispute, type FlaggedItem } from "../api";
import { accessToken, session } from "../auth";
import { el, link, render, startLoad } from "../dom";
import { disclosure, evidenceFields, field, hasRole, loginPrompt, reasonForm, submitTo } from "../forms";
import {
  mayAppeal, mayDispute, mayFlag, mayHideClaim, mayRespondAsProducer, mayReview, openToReviews,
} from "../permissions";
import { debateSection, evidenceList, flagForm, flagList, type DebateContext } from "./debate";


/**
 * A claim: statement, status with its policy version, rationale, evidence, the producer's response,
 * reviews, disputes with their decisions, and the threaded debate; with the forms each reader may use.
 */
export async function claimPage(root: HTMLElement, claimId: string, afterWrite = false): Promise<void> {
  const newest = startLoad(root);
  // after a write the page stays as it is until the new one is ready (no jump, no flash)
  if (!afterWrite) render(root, el("p", { role: "status" }, "Loading…"));
  // A moderator reads with their token: hidden content is then included, marked.
  const moderator = hasRole("moderator");
  const token = moderator ? await accessToken() : null;
  const [claim, args, disputes, flags] = await Promise.all([api.claim(claimId, null, token), api.arguments(claimId, token),
    api.disputes(claimId), moderator && token ? api.flags(claimId, token) : Promise.resolve([] as FlaggedItem[])]);
  // the model's producer matters only to producers (who may answer, but not judge, claims on their models)
  const modelProducer = session()?.producerOrg ? (await api.model(claim.modelId, null)).producer : null;
  const people = new Set<string>([claim.authorId, ...claim.reviews.map((r) => r.reviewerId)]);
  args.forEach((a) => a.authorId && people.add(a.authorId));
  if (claim.hidden) people.add(claim.hidden.by);
  args.forEach((a) => a.hidden && people.add(a.hidden.by));
  if (claim.producerResponse) people.add(claim.producerResponse.authorId);
  for (const dispute of disputes) {
    people.add(dispute.disputerId);
    dispute.decisions.forEach((d) => people.add(d.moderatorId));
    if (dispute.appeal) people.add(dispute.appeal.appellantId);
  }
  const names = new Map<string, string>();
  await Promise.all([...people].map(async (subject) => names.set(subject, await displayName(subject))));
  const context: DebateContext = { claim, names, flags, reload: () => void claimPage(root, claimId, true) };
  const claimFlags = flags.find((item) => item.argumentId === null && item.state === "OPEN");
  if (!newest()) return; // a newer load of this page won

  render(root,
    afterWrite ? el("p", { role: "status", class: "saved" }, "Saved.") : null,
    el("p", {}, link(`#/models/${encodeURIComponent(claim.modelId)}`, "← Model")),
    el("h1", {}, `${claim.component} is ${claim.openness}`, claim.licence ? ` under ${claim.licence}` : ""),
    el("p", { class: `status ${claim.status.toLowerCase()}` }, `Status: ${claim.status.toLowerCase()}`,
      claim.locked ? " (locked)" : "", ` · policy ${claim.policyVersion} · since ${claim.statusSince.slice(0, 10)}`,
      claim.openDisputeId ? " · under dispute" : "",
      claim.supersededBy ? el("span", {}, " · superseded by ",
        link(`#/claims/${encodeURIComponent(claim.supersededBy)}`, "a newer claim")) : null),
    claim.hidden ? el("p", { class: "notice hidden-notice" }, `Hidden from the public by `
      + `${names.get(claim.hidden.by)}: `, claim.hidden.reason) : null,
    el("p", {}, `Release: ${claim.releaseId ?? "the whole family"} · proposed ${claim.proposedAt.slice(0, 10)}`
      + ` by ${names.get(claim.authorId)}`),
    el("h2", {}, "Rationale"),
    el("p", { class: "rationale" }, claim.rationale),
    el("h2", {}, "Evidence"),
    evidenceList(claim.evidence),
    producerSection(claim, context, modelProducer),
    el("h2", {}, `Reviews (${claim.agreeCount} agree, ${claim.disagreeCount} disagree)`),
    el("ul", { class: "reviews" }, ...claim.reviews.map((review) => el("li", {}, `${review.verdict}`,
      review.reason ? `: ${review.reason}` : "", el("span", { class: "who" }, ` — ${names.get(review.reviewerId)}`)))),
    reviewForm(claim, context, modelProducer),
    disputesSection(disputes, context),
    disputeForm(claim, context, modelProducer),
    debateSection(args, context),
    mayFlag(claim, session()) ? disclosure("Flag this claim for moderators", "flag flag-claim", flagForm(context, null))
      : null,
    moderator ? moderatorTools(claim, claimFlags, context) : null);
}

/** The producer's marked response, or (for a producer, while there is none) the form to post it. */
function producerSection(claim: Claim, context: DebateContext, modelProducer: string | null): HTMLElement | null {
  const response = claim.producerResponse;
  if (response) {
    return el("section", { class: "producer-response", "aria-labelledby": "producer-heading" },
      el("h2", { id: "producer-heading" }, `Response from the producer (${response.producerOrg})`),
      el("p", { class: "text" }, response.text), evidenceList(response.evidence),
      el("p", { class: "who" }, `— ${context.names.get(response.authorId)}`,
        response.postedAt ? `, ${response.postedAt.slice(0, 10)}` : ""));
  }
  if (!mayRespondAsProducer(claim, session(), modelProducer)) return null;
  const text = el("textarea", { id: "producer-text", rows: "4", required: true, maxlength: "10000" });
  const evidence = evidenceFields("producer");
  const form = el("form", { class: "producer-response-form", "aria-label": "Respond as the producer" },
    el("h2", {}, "Respond as the model's producer"),
    el("p", {}, "Only an account verified for the organisation that publishes this model may respond, once."),
    field("Response", text), ...evidence.fields, el("button", { type: "submit" }, "Post the response"));
  submitTo(form, `/api/claims/${encodeURIComponent(claim.claimId)}/producer-response`,
    () => ({ text: text.value, evidence: evidence.value() }), context.reload);
  return form;
}

/** Every dispute of the claim with its decisions; the appeal form for its author or disputer while the window is open. */
function disputesSection(disputes: Dispute[], context: DebateContext): HTMLElement | null {
  if (disputes.length === 0) return null;
  const name = (subject: string | null) => (subject ? context.names.get(subject) ?? subject : "");
  return el("section", { class: "disputes", "aria-labelledby": "disputes-heading" },
    el("h2", { id: "disputes-heading" }, "Disputes"),
    el("ul", {}, ...disputes.map((dispute) => el("li", { class: "dispute", "data-dispute": dispute.disputeId },
      el("p", {}, el("strong", {}, dispute.state.toLowerCase()),
        ` · ${dispute.disputedStatus.toLowerCase()} claim disputed by ${name(dispute.disputerId)}`,
        dispute.openedAt ? ` on ${dispute.openedAt.slice(0, 10)}` : "", ": ", dispute.reason),
      evidenceList(dispute.evidence),
      el("ul", { class: "decisions" }, ...dispute.decisions.map((decision) => el("li", {},
        `${decision.stage === "APPEAL" ? "On appeal" : "First decision"}: ${decision.decision.toLowerCase()}`
        + ` by ${name(decision.moderatorId)}${decision.finalDecision ? " (final)" : ""} — `, decision.rationale))),
      dispute.appeal ? el("p", {}, `Appealed by ${name(dispute.appeal.appellantId)}: `, dispute.appeal.reason) : null,
      appealForm(dispute, context)))));
}

function appealForm(dispute: Dispute, context: DebateContext): HTMLElement | null {
  if (!mayAppeal(dispute, context.claim, session(), new Date())) return null;
  const reason = el("textarea", { id: `appeal-${dispute.disputeId}`, rows: "3", required: true, maxlength: "5000" });
  const form = el("form", { class: "appeal" }, field("Why the decision should change", reason),
    el("button", { type: "submit" }, "Appeal (once; a different moderator decides, finally)"));
  submitTo(form, `/api/disputes/${encodeURIComponent(dispute.disputeId)}/appeal`, () => ({ reason: reason.value }),
    context.reload);
  return el("div", {}, el("p", {}, `You may appeal until ${dispute.appealableUntil!.slice(0, 16).replace("T", " ")} UTC.`),
    form);
}

/** Hide or show the claim, and settle its open flags (moderators; the API checks the role again). */
function moderatorTools(claim: Claim, flags: FlaggedItem | undefined, context: DebateContext): HTMLElement {
  const path = `/api/claims/${encodeURIComponent(claim.claimId)}`;
  return el("section", { class: "moderator-tools", "aria-labelledby": "moderator-heading" },
    el("h2", { id: "moderator-heading" }, "Moderation"),
    flags ? flagList(flags) : el("p", {}, "No open flags on this claim."),
    claim.hidden ? reasonForm("unhide-claim", "Unhide", `${path}/unhide`, context.reload)
      : mayHideClaim(claim) ? reasonForm("hide-claim", "Hide", `${path}/hide`, context.reload)
        : el("p", {}, claim.openDisputeId ? "A claim under dispute waits for the decision; it cannot be hidden."
          : "An accepted claim is the assessment: dispute it rather than hide it."),
    flags ? reasonForm("dismiss-claim", "Dismiss flags", `${path}/flags/dismiss`, context.reload) : null);
}

/** Dispute an accepted or rejected claim (reason and evidence), for reviewers but its author and its producer. */
function disputeForm(claim: Claim, context: DebateContext, modelProducer: string | null): HTMLElement | null {
  if (!mayDispute(claim, session(), modelProducer)) return null;
  const reason = el("textarea", { id: "dispute-reason", rows: "3", required: true, maxlength: "2000" });
  const url = el("input", { id: "dispute-url", type: "url", required: true, placeholder: "https://…" });
  const form = el("form", { class: "dispute", "aria-label": "Dispute this claim" }, el("h2", {}, "Dispute this claim"),
    field("Why", reason), field("Evidence URL", url), el("button", { type: "submit" }, "Open a dispute"));
  submitTo(form, `/api/claims/${encodeURIComponent(claim.claimId)}/disputes`, () => ({
    reason: reason.value,
    evidence: [{ url: url.value, retrievedOn: new Date().toISOString().slice(0, 10) }],
  }), context.reload);
  return form;
}

/** Agree or disagree (with a reason), for reviewers other than the author while the claim is open to reviews. */
function reviewForm(claim: Claim, context: DebateContext, modelProducer: string | null): HTMLElement | null {
  if (!session()) return openToReviews(claim) ? loginPrompt("review this claim") : null;
  if (!mayReview(claim, session(), modelProducer)) return null;
  const verdict = el("select", { id: "review-verdict", name: "verdict" },
    el("option", { value: "agree" }, "agree"), el("option", { value: "disagree" }, "disagree"));
  const reason = el("textarea", { id: "review-reason", name: "reason", rows: "3", maxlength: "2000" });
  const form = el("form", { class: "review", "aria-label": "Your review" },
    el("h2", {}, "Your review"), field("Verdict", verdict), field("Reason (needed to disagree)", reason),
    el("button", { type: "submit" }, "Send review"));
  submitTo(form, `/api/claims/${encodeURIComponent(claim.claimId)}/reviews`,
    () => (reason.value.trim() ? { verdict: verdict.value, reason: reason.value } : { verdict: verdict.value }),
    context.reload);
  return form;
}
