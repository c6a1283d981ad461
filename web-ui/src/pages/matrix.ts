import { api, type Matrix, type MatrixRow } from "../api";
import { el, link, render } from "../dom";
import {
  asOfAt, cellState, choices, filterRows, NO_FILTER, pageOf, sortRows, UNSTATED, type MatrixFilter, type SortKey,
} from "../matrix-logic";

const PAGE_SIZE = 50;
const SLIDER_STEPS = 200;
/** The slider's left end: before the index's own history begins. */
const FIRST_DAY = new Date("2023-01-01T00:00:00Z");

const LABELS: Record<string, string> = {
  open: "open", partial: "partial", closed: "closed", "not-applicable": "n/a", disputed: "disputed", none: "—",
};

interface State {
  matrix: Matrix | null;
  filter: MatrixFilter;
  sort: SortKey;
  descending: boolean;
  page: number;
  asOf: string | null;
}

/** The openness matrix: sortable, filterable, paged, and redrawn at any past date by the as-of slider. */
export function matrixPage(root: HTMLElement): void {
  const state: State = { matrix: null, filter: { ...NO_FILTER }, sort: "model", descending: false, page: 0, asOf: null };
  const status = el("p", { role: "status", "aria-live": "polite", class: "status" }, "Loading the matrix…");
  const table = el("div", { class: "table-wrap matrix-wrap" });
  const pager = el("nav", { "aria-label": "Matrix pages", class: "pager" });

  const search = el("input", { type: "search", id: "matrix-search", placeholder: "model or release" });
  const licence = el("input", { type: "text", id: "matrix-licence", placeholder: "e.g. apache" });
  // organisation and type choices come from the loaded matrix
  const producer = el("select", { id: "matrix-producer" }, el("option", { value: "" }, "any"));
  const modelType = el("select", { id: "matrix-type" }, el("option", { value: "" }, "any"));
  const osaid = el("select", { id: "matrix-osaid" },
    el("option", { value: "" }, "any"), el("option", { value: "yes" }, "qualifies"),
    el("option", { value: "no" }, "does not qualify"));
  const mof = el("select", { id: "matrix-mof" },
    el("option", { value: "0" }, "any"), el("option", { value: "3" }, "III or better"),
    el("option", { value: "2" }, "II or better"), el("option", { value: "1" }, "I"));
  const slider = el("input", {
    type: "range", id: "as-of", min: "0", max: String(SLIDER_STEPS), step: "1", value: String(SLIDER_STEPS),
    "aria-describedby": "as-of-value",
  });
  const asOfValue = el("output", { id: "as-of-value", for: "as-of" }, "now");

  const controls = el("form", { class: "controls", role: "search", "aria-label": "Filter the matrix" },
    el("label", { for: "matrix-search" }, "Search"), search,
    el("label", { for: "matrix-producer" }, "Organisation"), producer,
    el("label", { for: "matrix-type" }, "Type"), modelType,
    el("label", { for: "matrix-licence" }, "Licence"), licence,
    el("label", { for: "matrix-osaid" }, "OSAID"), osaid,
    el("label", { for: "matrix-mof" }, "MOF class"), mof,
    el("label", { for: "as-of" }, "As of"), slider, asOfValue);
  controls.addEventListener("submit", (event) => event.preventDefault());

  render(root, el("h1", {}, "Openness matrix"), controls, status, table, pager);

  const redraw = () => draw(state, table, pager, status, redraw);
  const refilter = () => {
    state.filter = {
      search: search.value,
      licence: licence.value,
      osaidQualifies: osaid.value === "" ? null : osaid.value === "yes",
      mofClassAtLeast: Number(mof.value) as MatrixFilter["mofClassAtLeast"],
      producer: producer.value,
      modelType: modelType.value,
    };
    state.page = 0;
    redraw();
  };
  for (const input of [search, licence]) input.addEventListener("input", refilter);
  for (const select of [osaid, mof, producer, modelType]) select.addEventListener("change", refilter);

  let loading = 0;
  const load = async () => {
    const ticket = ++loading;
    status.textContent = state.asOf ? `Loading the matrix as of ${state.asOf}…` : "Loading the matrix…";
    try {
      const matrix = await api.matrix(state.asOf);
      if (ticket !== loading) return; // a later slider move wins
      state.matrix = matrix;
      offer(producer, choices(matrix.rows, (row) => row.producer, UNSTATED));
      offer(modelType, choices(matrix.rows, (row) => row.modelType, UNSTATED));
      redraw();
    } catch (error) {
      if (ticket === loading) status.textContent = `The matrix could not be loaded: ${(error as Error).message}`;
    }
  };
  slider.addEventListener("change", () => {
    state.asOf = asOfAt(Number(slider.value), SLIDER_STEPS, FIRST_DAY, new Date());
    asOfValue.textContent = state.asOf ? state.asOf.slice(0, 10) : "now";
    state.page = 0;
    void load();
  });
  slider.addEventListener("input", () => {
    const at = asOfAt(Number(slider.value), SLIDER_STEPS, FIRST_DAY, new Date());
    asOfValue.textContent = at ? at.slice(0, 10) : "now";
  });
  void load();
}

/** Replaces a filter's choices after "any", keeping the chosen one (offered even when no longer present). */
function offer(select: HTMLSelectElement, values: string[]): void {
  const chosen = select.value;
  const kept = chosen && !values.includes(chosen) ? [chosen, ...values] : values;
  select.replaceChildren(el("option", { value: "" }, "any"), ...kept.map((value) => el("option", { value }, value)));
  select.value = chosen;
}

function draw(state: State, table: HTMLElement, pager: HTMLElement, status: HTMLElement, redraw: () => void): void {
  const matrix = state.matrix;
  if (!matrix) return;
  const rows = sortRows(filterRows(matrix.rows, state.filter), state.sort, state.descending);
  const page = pageOf(rows, state.page, PAGE_SIZE);
  status.textContent = `${rows.length} of ${matrix.rows.length} releases`
    + (state.asOf ? ` as of ${state.asOf.slice(0, 10)}` : "") + `, page ${page.page + 1} of ${page.pages}`;

  const sortButton = (label: string, key: SortKey) => {
    const active = JSON.stringify(state.sort) === JSON.stringify(key);
    const button = el("button", { type: "button", class: "sort", "aria-pressed": active ? "true" : "false" },
      label, active ? (state.descending ? " ▼" : " ▲") : "");
    button.addEventListener("click", () => {
      state.descending = active ? !state.descending : key !== "model";
      state.sort = key;
      state.page = 0;
      redraw();
    });
    return button;
  };
  const head = el("tr", {},
    el("th", { scope: "col" }, sortButton("Model / release", "model")),
    el("th", { scope: "col" }, sortButton("OSAI", "osai")),
    el("th", { scope: "col" }, sortButton("MOF", "mof")),
    el("th", { scope: "col" }, sortButton("OSAID", "osaid")),
    ...matrix.components.map((component) => el("th", { scope: "col", class: "component" },
      sortButton(component, { component }))));
  const body = el("tbody", {}, ...page.items.map((row) => matrixRow(row, matrix.components)));
  table.replaceChildren(el("table", { class: "matrix" },
    el("caption", { class: "visually-hidden" }, "Releases by component, with framework scores"),
    el("thead", {}, head), body));

  const previous = el("button", { type: "button", disabled: page.page === 0 }, "Previous");
  const next = el("button", { type: "button", disabled: page.page >= page.pages - 1 }, "Next");
  previous.addEventListener("click", () => { state.page = page.page - 1; redraw(); });
  next.addEventListener("click", () => { state.page = page.page + 1; redraw(); });
  pager.replaceChildren(previous, el("span", {}, ` ${page.page + 1} / ${page.pages} `), next);
}

function matrixRow(row: MatrixRow, components: string[]): HTMLElement {
  const scores = row.scores;
  return el("tr", { "data-model": row.modelId, "data-release": row.releaseId },
    el("th", { scope: "row" }, link(`#/models/${encodeURIComponent(row.modelId)}`, row.modelName),
      el("br", {}), el("span", { class: "release" }, row.releaseName)),
    el("td", { class: "score" }, scores?.osaiIndex ? `${Math.round(scores.osaiIndex.score * 100)}%` : "—"),
    el("td", { class: "score" }, scores?.mof ? (scores.mof.classReached ? romanClass(scores.mof.classReached) : "–") : "—"),
    el("td", { class: "score" }, scores?.osaid ? (scores.osaid.qualifies ? "yes" : "no") : "—"),
    ...components.map((component) => {
      const cell = row.cells[component];
      const state = cellState(cell);
      return el("td", { class: `cell ${state}`, "data-component": component, title: cell?.licence ?? "" },
        cell ? link(`#/claims/${encodeURIComponent(cell.claimId)}`, LABELS[state]) : LABELS[state]);
    }));
}

export function romanClass(mofClass: number): string {
  return ["", "I", "II", "III"][mofClass] ?? String(mofClass);
}
