import { api, type Model, type Release } from "../api";
import { session } from "../auth";
import { el, link, render } from "../dom";
import { annotationField, canReview, field, hasRole, loginPrompt, submitTo } from "../forms";
import { cellState } from "../matrix-logic";
import { romanClass } from "./matrix";
import { timeline } from "./timeline";

/**
 * A model family: its releases with their assessment and scores, its claims, protection and
 * history. With {@code asOf} (a day, YYYY-MM-DD) the family is shown as it stood at the end of that day.
 */
export async function modelPage(root: HTMLElement, modelId: string, asOf: string | null): Promise<void> {
  render(root, el("p", { role: "status" }, "Loading…"));
  const at = asOf ? `${asOf}T23:59:59.999Z` : null;
  const [model, matrix] = await Promise.all([api.model(modelId, at), api.matrix(null)]);
  const base = `#/models/${encodeURIComponent(modelId)}`;
  render(root,
    el("p", {}, link("#/", "← Matrix")),
    el("h1", {}, model.name),
    asOfPicker(base, asOf),
    el("p", {}, "Producer: ", model.producer, model.modelType ? ` · type: ${model.modelType}` : ""),
    model.description ? el("p", {}, model.description) : null,
    model.protection ? el("p", { class: "notice protection" }, `Protected: proposals need `
      + `${model.protection.minimumAcceptedClaims} accepted claims of their author`
      + ` (since ${model.protection.since.slice(0, 10)}): `, model.protection.reason) : null,
    asOf ? null : protectionForm(root, model),
    ...model.releases.map((release) => releaseSection(model.modelId, release, asOf === null)),
    el("h2", {}, "Claims"),
    el("ul", { class: "claims" }, ...model.claims.map((claim) => el("li", {},
      link(`#/claims/${encodeURIComponent(claim.claimId)}`, `${claim.component}: ${claim.openness}`),
      ` — ${claim.status.toLowerCase()}${claim.locked ? ", locked" : ""}`,
      claim.openDisputeId ? " (disputed)" : "",
      ` · ${claim.agreeCount} agree, ${claim.disagreeCount} disagree`))),
    asOf ? null : proposeForm(model, matrix.components),
    el("h2", {}, "History"),
    timeline(`/api/models/${encodeURIComponent(model.modelId)}/history`, "model-history", false, asOf));
}

/** Shows the family as of a past day (the address keeps it, so it can be shared) or as it is now. */
function asOfPicker(base: string, asOf: string | null): HTMLElement {
  const day = el("input", { id: "model-as-of", type: "date", value: asOf ?? "", max: new Date().toISOString().slice(0, 10) });
  const form = el("form", { class: "as-of", "aria-label": "Show this model as of a day" },
    el("label", { for: day.id }, "As of"), day, el("button", { type: "submit" }, "Show"),
    asOf ? link(base, "Back to now") : null);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = day.value ? `${base}?asOf=${day.value}` : base;
  });
  return el("div", {}, form, asOf ? el("p", { class: "notice as-of-notice" },
    `Shown as it stood at the end of ${asOf} (UTC). Forms are hidden in the past.`) : null);
}

/** Protect the family (proposals then need a track record) or lift its protection: moderators only. */
function protectionForm(root: HTMLElement, model: Model): HTMLElement | null {
  if (!hasRole("moderator")) return null;
  const protect = model.protection === null;
  const reason = el("input", { id: "protection-reason", type: "text", required: true, maxlength: "2000" });
  const form = el("form", { class: "protection-form" }, field(protect ? "Why protect it" : "Why lift protection", reason),
    el("button", { type: "submit" }, protect ? "Protect this model" : "Lift protection"));
  submitTo(form, `/api/models/${encodeURIComponent(model.modelId)}/protection`,
    () => ({ protected: protect, reason: reason.value }), () => void modelPage(root, model.modelId, null), "PUT");
  return form;
}

function releaseSection(modelId: string, release: Release, now: boolean): HTMLElement {
  const scores = release.scores;
  const missing = scores?.mof?.missing ?? [];
  return el("section", { class: "release" },
    el("h2", {}, release.name),
    el("p", {}, `Assessment version ${release.assessmentVersion}`,
      release.releaseDate ? ` · released ${release.releaseDate}` : "",
      now && release.assessmentVersion > 0 ? el("span", {}, " · ", link(`#/models/${encodeURIComponent(modelId)}`
        + `/releases/${encodeURIComponent(release.releaseId)}/versions`, "compare versions")) : null),
    el("dl", { class: "scores" },
      el("dt", {}, "OSAI index"), el("dd", {}, scores?.osaiIndex ? `${Math.round(scores.osaiIndex.score * 100)}%` : "—"),
      el("dt", {}, "MOF 1.0"), el("dd", {}, scores?.mof?.classReached ? `Class ${romanClass(scores.mof.classReached)}` : "unclassified",
        missing.length ? ` (missing for the next class: ${missing.join(", ")})` : ""),
      el("dt", {}, "OSAID 1.0"), el("dd", {}, scores?.osaid ? (scores.osaid.qualifies ? "qualifies"
        : `does not qualify (${Object.keys(scores.osaid.failing).join(", ")})`) : "—")),
    el("table", { class: "components" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Component"), el("th", { scope: "col" }, "Openness"),
        el("th", { scope: "col" }, "Licence"), el("th", { scope: "col" }, "Claim"))),
      el("tbody", {}, ...release.components.map((component) => el("tr", {},
        el("th", { scope: "row" }, component.component),
        el("td", { class: `cell ${cellState(component)}` }, component.openness),
        el("td", {}, component.licence ?? "—"),
        el("td", {}, link(`#/claims/${encodeURIComponent(component.claimId)}`, component.scope === "family"
          ? "family-wide claim" : "release claim")))))));
}

/** Propose a claim about one component of a release, or of the whole family, with one piece of evidence. */
function proposeForm(model: Model, components: string[]): HTMLElement | null {
  if (!session()) return loginPrompt("propose a claim");
  if (!canReview()) return null;
  const release = el("select", { id: "propose-release" }, el("option", { value: "" }, "the whole family"),
    ...model.releases.map((r) => el("option", { value: r.releaseId }, r.name)));
  const component = el("select", { id: "propose-component" },
    ...components.map((c) => el("option", { value: c }, c)));
  const openness = el("select", { id: "propose-openness" },
    ...["open", "partial", "closed", "not-applicable"].map((o) => el("option", { value: o }, o)));
  const licence = el("input", { id: "propose-licence", type: "text", placeholder: "SPDX expression or catalogue id" });
  const url = el("input", { id: "propose-url", type: "url", placeholder: "https://…" });
  const quote = el("input", { id: "propose-quote", type: "text", placeholder: "the passage that shows it (optional)" });
  const retrieved = el("input", { id: "propose-retrieved", type: "date", required: true,
    value: new Date().toISOString().slice(0, 10) });
  const annotation = annotationField("propose-annotation");
  const rationale = el("textarea", { id: "propose-rationale", rows: "3", required: true, maxlength: "10000" });
  const form = el("form", { class: "propose", "aria-label": "Propose a claim" }, el("h2", {}, "Propose a claim"),
    field("Release", release), field("Component", component), field("Openness", openness), field("Licence", licence),
    field("Evidence URL", url), field("Quoted passage", quote), field("Retrieved on", retrieved),
    field("Or an annotation id (its document supplies the source)", annotation),
    field("Rationale", rationale), el("button", { type: "submit" }, "Propose"));
  submitTo<{ claimId: string }>(form, "/api/claims", () => ({
    modelId: model.modelId,
    ...(release.value ? { releaseId: release.value } : {}),
    component: component.value,
    openness: openness.value,
    ...(licence.value.trim() ? { licence: licence.value.trim() } : {}),
    evidence: [
      ...(url.value.trim() || !annotation.value.trim() ? [{ url: url.value, retrievedOn: retrieved.value,
        ...(quote.value.trim() ? { quote: quote.value } : {}) }] : []),
      ...(annotation.value.trim() ? [{ annotationId: annotation.value.trim() }] : []),
    ],
    rationale: rationale.value,
  }), (claim) => { location.hash = `#/claims/${encodeURIComponent(claim.claimId)}`; });
  return form;
}
