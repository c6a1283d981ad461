// The matrix page's data logic, kept free of the DOM so that it can be tested on its own.
import type { AssessedComponent, MatrixRow } from "./api";

export type CellState = "open" | "partial" | "closed" | "not-applicable" | "disputed" | "none";

/** What a cell shows: a disputed claim is flagged whatever its openness; no accepted claim is "none". */
export function cellState(cell: AssessedComponent | undefined): CellState {
  if (!cell) return "none";
  if (cell.openDisputeId) return "disputed";
  switch (cell.openness) {
    case "open":
    case "partial":
    case "closed":
    case "not-applicable":
      return cell.openness;
    default:
      return "none";
  }
}

export interface MatrixFilter {
  /** Words that must all occur in the model's or release's name or id (any case). */
  search: string;
  /** Part of a licence id that some cell must carry (any case); empty for any. */
  licence: string;
  /** Only releases whose OSAID verdict is this; null for any. */
  osaidQualifies: boolean | null;
  /** Only releases that reach at least this MOF class (3 lowest, 1 highest; 0 any). */
  mofClassAtLeast: 0 | 1 | 2 | 3;
  /** Only families of this producer (exactly); empty for any. */
  producer: string;
  /** Only families of this model type; empty for any, {@link UNSTATED} for families without one. */
  modelType: string;
}

/** The type filter's value for families whose type is not stated. */
export const UNSTATED = "(not stated)";

export const NO_FILTER: MatrixFilter = {
  search: "", licence: "", osaidQualifies: null, mofClassAtLeast: 0, producer: "", modelType: "",
};

/** The distinct values of one text field of the rows, sorted for a select (null as {@code nullAs}). */
export function choices(rows: MatrixRow[], field: (row: MatrixRow) => string | null, nullAs: string): string[] {
  return [...new Set(rows.map((row) => field(row) ?? nullAs))].sort((a, b) => a.localeCompare(b));
}

export function filterRows(rows: MatrixRow[], filter: MatrixFilter): MatrixRow[] {
  const words = filter.search.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  const licence = filter.licence.trim().toLowerCase();
  return rows.filter((row) => {
    const text = `${row.modelName} ${row.modelId} ${row.releaseName} ${row.releaseId}`.toLowerCase();
    if (!words.every((w) => text.includes(w))) return false;
    if (licence && !Object.values(row.cells).some((c) => (c.licence ?? "").toLowerCase().includes(licence))) {
      return false;
    }
    if (filter.producer && row.producer !== filter.producer) return false;
    if (filter.modelType && (row.modelType ?? UNSTATED) !== filter.modelType) return false;
    if (filter.osaidQualifies !== null && row.scores?.osaid?.qualifies !== filter.osaidQualifies) return false;
    if (filter.mofClassAtLeast !== 0) {
      const reached = row.scores?.mof?.classReached ?? 0;
      // class 1 is the most open: "at least class 2" means 2 or 1
      if (reached === 0 || reached > filter.mofClassAtLeast) return false;
    }
    return true;
  });
}

export type SortKey = "model" | "osai" | "mof" | "osaid" | { component: string };

const OPENNESS_RANK: Record<CellState, number> = {
  open: 5, partial: 4, "not-applicable": 3, closed: 2, disputed: 1, none: 0,
};

function sortValue(row: MatrixRow, key: SortKey): number | string {
  if (key === "model") return `${row.modelName.toLowerCase()}\u0000${row.releaseName.toLowerCase()}`;
  if (key === "osai") return row.scores?.osaiIndex?.score ?? -1;
  // a lower MOF class is more open; unclassified (0) sorts last
  if (key === "mof") return row.scores?.mof?.classReached ? 4 - row.scores.mof.classReached : -1;
  if (key === "osaid") return row.scores?.osaid?.qualifies ? 1 : 0;
  return OPENNESS_RANK[cellState(row.cells[key.component])];
}

/** A stable sort: rows that compare equal keep the matrix's own order (model, then release). */
export function sortRows(rows: MatrixRow[], key: SortKey, descending: boolean): MatrixRow[] {
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, key) }))
    .sort((a, b) => {
      const order = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
      return (descending ? -order : order) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
}

/** Page {@code page} (from 0, clamped) of {@code size} items. */
export function pageOf<T>(items: T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(current * size, current * size + size), page: current, pages };
}

/** The as-of slider: position 0..steps maps linearly from {@code first} to {@code now}; the last step is "now" (null). */
export function asOfAt(position: number, steps: number, first: Date, now: Date): string | null {
  if (position >= steps) return null;
  const at = first.getTime() + ((now.getTime() - first.getTime()) * Math.max(0, position)) / steps;
  return new Date(Math.floor(at / 1000) * 1000).toISOString();
}
