import { api, displayName, type AssessedComponent, type AssessmentVersion, type Scores } from "../api";
import { el, link, render } from "../dom";
import { sideBySide } from "../history-logic";
import { cellState } from "../matrix-logic";
import { romanClass } from "./matrix";

/**
 * Two assessment versions of a release side by side: every component with its state in each,
 * the changed ones marked with what changed and who changed it. Defaults to the previous and the
 * latest version; the choice lives in the address (from, to) so that it can be shared.
 */
export async function versionsPage(root: HTMLElement, modelId: string, releaseId: string,
                                   query: URLSearchParams): Promise<void> {
  render(root, el("p", { role: "status" }, "Loading…"));
  const [versions, matrix] = await Promise.all([api.assessmentVersions(modelId, releaseId), api.matrix(null)]);
  const base = `#/models/${encodeURIComponent(modelId)}/releases/${encodeURIComponent(releaseId)}/versions`;
  const back = el("p", {}, link(`#/models/${encodeURIComponent(modelId)}`, "← Model"));
  if (versions.length === 0) {
    render(root, back, el("h1", {}, "Assessment versions"), el("p", {}, "This release has no assessment yet."));
    return;
  }
  const latest = versions[versions.length - 1].version;
  // chosen the wrong way round: compare them the right way round
  const [first, second] = [Number(query.get("from") ?? latest - 1), Number(query.get("to") ?? latest)]
    .map((n) => (Number.isInteger(n) ? n : latest)).sort((a, b) => a - b);
  const to = clamp(second, 1, latest);
  const from = clamp(first, 0, to);
  const byNumber = new Map(versions.map((v) => [v.version, v]));
  const changes = await api.assessmentChanges(modelId, releaseId, from, to);
  const rows = sideBySide(byNumber.get(from) ?? null, byNumber.get(to) ?? null, changes, matrix.components);
  const actors = new Map<string, string>();
  await Promise.all(rows.flatMap((row) => row.causes).filter((c) => c.actorId)
    .map(async (c) => actors.set(c.actorId!, await displayName(c.actorId!))));

  const choice = (id: string, label: string, value: number, includeZero: boolean) => {
    const select = el("select", { id },
      ...(includeZero ? [el("option", { value: "0" }, "before the first")] : []),
      ...versions.map((v) => el("option", { value: String(v.version) },
        `version ${v.version}${v.publishedAt ? ` (${v.publishedAt.slice(0, 10)})` : ""}`)));
    select.value = String(value);
    return [el("label", { for: id }, label), select] as const;
  };
  const [fromLabel, fromSelect] = choice("compare-from", "Compare", from, true);
  const [toLabel, toSelect] = choice("compare-to", "with", to, false);
  const picker = el("form", { class: "compare-picker", "aria-label": "Choose two versions" },
    fromLabel, fromSelect, toLabel, toSelect, el("button", { type: "submit" }, "Compare"));
  picker.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `${base}?from=${fromSelect.value}&to=${toSelect.value}`;
  });
  const changed = rows.filter((row) => row.aspects.length > 0).length;

  render(root, back,
    el("h1", {}, `Assessment versions of ${releaseId}`),
    picker,
    el("p", { role: "status" }, `${changed} of ${rows.length} components changed between version ${from} and version ${to}.`),
    el("div", { class: "table-wrap compare-wrap" }, el("table", { class: "compare" },
      el("caption", {}, `Version ${from} beside version ${to}`),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Component"),
        el("th", { scope: "col" }, `Version ${from}`), el("th", { scope: "col" }, `Version ${to}`),
        el("th", { scope: "col" }, "What changed, by whom"))),
      el("tbody", {}, ...rows.map((row) => el("tr", { class: row.aspects.length ? "changed" : "same",
        "data-component": row.component },
        el("th", { scope: "row" }, row.component),
        side(row.before), side(row.after),
        el("td", {}, row.aspects.length === 0 ? "unchanged" : `${row.aspects.join(", ")} changed`,
          ...row.causes.map((cause) => el("div", { class: "cause" }, `v${cause.version}: ${cause.event ?? ""}`,
            cause.actorId ? ` by ${actors.get(cause.actorId)}` : "", cause.reason ? ` — ${cause.reason}` : "",
            cause.claimId ? el("span", {}, " (", link(`#/claims/${encodeURIComponent(cause.claimId)}`, "claim"), ")")
              : null)))))))),
    el("h2", {}, "Scores"),
    el("table", { class: "compare scores" },
      el("caption", {}, `Scores of version ${from} beside version ${to}`),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Framework"),
        el("th", { scope: "col" }, `Version ${from}`), el("th", { scope: "col" }, `Version ${to}`))),
      el("tbody", {}, ...scoreRows(byNumber.get(from) ?? null, byNumber.get(to) ?? null))));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function side(component: AssessedComponent | null): HTMLElement {
  if (!component) return el("td", { class: "cell none" }, "—");
  return el("td", { class: `cell ${cellState(component)}` }, component.openness,
    component.licence ? ` (${component.licence})` : "");
}

function scoreRows(before: AssessmentVersion | null, after: AssessmentVersion | null): HTMLElement[] {
  const lines: [string, (s: Scores | null) => string][] = [
    ["OSAI index", (s) => (s?.osaiIndex ? `${Math.round(s.osaiIndex.score * 100)}%` : "—")],
    ["MOF 1.0", (s) => (s?.mof ? (s.mof.classReached ? `Class ${romanClass(s.mof.classReached)}` : "unclassified") : "—")],
    ["OSAID 1.0", (s) => (s?.osaid ? (s.osaid.qualifies ? "qualifies" : "does not qualify") : "—")],
  ];
  return lines.map(([name, show]) => {
    const left = show(before?.scores ?? null);
    const right = show(after?.scores ?? null);
    return el("tr", { class: left === right ? "same" : "changed" }, el("th", { scope: "row" }, name),
      el("td", {}, left), el("td", {}, right, left === right ? "" : " (changed)"));
  });
}
