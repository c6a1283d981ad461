import { describe, expect, it } from "vitest";
import type { AssessedComponent, MatrixRow } from "../src/api";
import { asOfAt, cellState, choices, filterRows, NO_FILTER, pageOf, sortRows, UNSTATED } from "../src/matrix-logic";

function cell(openness: string, licence: string | null = null, openDisputeId: string | null = null): AssessedComponent {
  return { component: "final-weights", claimId: "c", openness, licence, scope: "release", openDisputeId };
}

function row(model: string, release: string, osai: number, mof: number, osaid: boolean,
             cells: Record<string, AssessedComponent> = {}, producer = "Lab", modelType: string | null = "text"): MatrixRow {
  return {
    modelId: model.toLowerCase(), modelName: model, producer, modelType, releaseId: release.toLowerCase(), releaseName: release,
    assessmentVersion: 1, cells,
    scores: {
      osaiIndex: { version: "osai-index-12", score: osai },
      mof: { version: "mof-1.0", classReached: mof, percent: {}, missing: [] },
      osaid: { version: "osaid-1.0", qualifies: osaid, failing: {} },
    },
  };
}

const OLMO = row("OLMo", "OLMo 7B", 0.9, 1, true, { "final-weights": cell("open", "Apache-2.0") }, "Ai2", "text");
const LLAMA = row("Llama 3", "Llama 3.1 8B", 0.4, 0, false, { "final-weights": cell("partial", "llama3.1-community") },
  "Meta", "code");
const GEMMA = row("Gemma", "Gemma 2", 0.5, 3, false, { "final-weights": cell("open", "gemma-terms", "d-1") }, "Google", null);

describe("cellState", () => {
  it("names each openness, flags a disputed claim whatever its openness, and shows no claim as none", () => {
    expect(cellState(cell("open"))).toBe("open");
    expect(cellState(cell("not-applicable"))).toBe("not-applicable");
    expect(cellState(cell("open", null, "d-7"))).toBe("disputed");
    expect(cellState(undefined)).toBe("none");
    expect(cellState(cell("something-else"))).toBe("none");
  });
});

describe("filterRows", () => {
  const rows = [OLMO, LLAMA, GEMMA];

  it("keeps rows whose names or ids contain every word, in any case", () => {
    expect(filterRows(rows, { ...NO_FILTER, search: "llama 8b" })).toEqual([LLAMA]);
    expect(filterRows(rows, { ...NO_FILTER, search: "  " })).toEqual(rows);
  });

  it("filters by licence, OSAID verdict and MOF class reached (1 is the most open)", () => {
    expect(filterRows(rows, { ...NO_FILTER, licence: "APACHE" })).toEqual([OLMO]);
    expect(filterRows(rows, { ...NO_FILTER, osaidQualifies: false })).toEqual([LLAMA, GEMMA]);
    expect(filterRows(rows, { ...NO_FILTER, mofClassAtLeast: 2 })).toEqual([OLMO]);
    expect(filterRows(rows, { ...NO_FILTER, mofClassAtLeast: 3 })).toEqual([OLMO, GEMMA]);
  });

  it("filters by the family's producer and model type, families without a type under their own choice", () => {
    expect(filterRows(rows, { ...NO_FILTER, producer: "Meta" })).toEqual([LLAMA]);
    expect(filterRows(rows, { ...NO_FILTER, producer: "Met" })).toEqual([]);
    expect(filterRows(rows, { ...NO_FILTER, modelType: "text" })).toEqual([OLMO]);
    expect(filterRows(rows, { ...NO_FILTER, modelType: UNSTATED })).toEqual([GEMMA]);
    expect(filterRows(rows, { ...NO_FILTER, producer: "Ai2", modelType: "code" })).toEqual([]);
  });
});

describe("choices", () => {
  it("lists each value once, sorted, with a name for the missing ones", () => {
    expect(choices([OLMO, LLAMA, GEMMA, OLMO], (r) => r.modelType, UNSTATED)).toEqual([UNSTATED, "code", "text"]);
    expect(choices([LLAMA, OLMO, GEMMA], (r) => r.producer, UNSTATED)).toEqual(["Ai2", "Google", "Meta"]);
  });
});

describe("sortRows", () => {
  const rows = [OLMO, LLAMA, GEMMA];

  it("sorts by model name, by score and by a component's openness, either way", () => {
    expect(sortRows(rows, "model", false).map((r) => r.modelName)).toEqual(["Gemma", "Llama 3", "OLMo"]);
    expect(sortRows(rows, "osai", true).map((r) => r.modelName)).toEqual(["OLMo", "Gemma", "Llama 3"]);
    expect(sortRows(rows, "mof", true).map((r) => r.modelName)).toEqual(["OLMo", "Gemma", "Llama 3"]);
    expect(sortRows(rows, { component: "final-weights" }, true).map((r) => r.modelName))
      .toEqual(["OLMo", "Llama 3", "Gemma"]);
  });

  it("keeps the matrix's order among equals", () => {
    const a = row("A", "A1", 0.5, 0, false);
    const b = row("B", "B1", 0.5, 0, false);
    expect(sortRows([b, a], "osai", true)).toEqual([b, a]);
  });
});

describe("pageOf", () => {
  const items = Array.from({ length: 205 }, (_, i) => i);

  it("cuts pages of the given size and clamps the page number", () => {
    expect(pageOf(items, 0, 50).items).toEqual(items.slice(0, 50));
    expect(pageOf(items, 4, 50)).toEqual({ items: items.slice(200), page: 4, pages: 5 });
    expect(pageOf(items, 99, 50).page).toBe(4);
    expect(pageOf([], 3, 50)).toEqual({ items: [], page: 0, pages: 1 });
  });
});

describe("asOfAt", () => {
  const first = new Date("2024-01-01T00:00:00Z");
  const now = new Date("2024-01-11T00:00:00Z");

  it("maps the slider linearly from the first change to now, the last step meaning now", () => {
    expect(asOfAt(0, 10, first, now)).toBe("2024-01-01T00:00:00.000Z");
    expect(asOfAt(5, 10, first, now)).toBe("2024-01-06T00:00:00.000Z");
    expect(asOfAt(10, 10, first, now)).toBeNull();
  });
});
