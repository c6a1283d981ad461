import { describe, expect, it } from "vitest";
import { codePointIndex, segments, selectorsFor, utf16Index } from "../src/annotation-logic";

// A licence-like text written for these tests; "𝔐" lies outside the Basic Multilingual Plane (two UTF-16 units).
const TEXT = "1. Use the 𝔐odel freely.\n2. Above 700 million monthly users, ask first.\n";

describe("code points and UTF-16", () => {
  it("converts both ways across a character outside the BMP", () => {
    const afterModel = TEXT.indexOf("odel");
    expect(codePointIndex(TEXT, afterModel)).toBe(afterModel - 1);
    expect(utf16Index(TEXT, afterModel - 1)).toBe(afterModel);
    expect(utf16Index(TEXT, 10_000)).toBe(TEXT.length);
  });
});

describe("segments", () => {
  it("cuts the text where highlights start and end, naming every highlight over each run", () => {
    const cap = { id: "cap", start: codePointIndex(TEXT, TEXT.indexOf("Above")), end: codePointIndex(TEXT, TEXT.indexOf(", ask")) };
    const users = { id: "users", start: codePointIndex(TEXT, TEXT.indexOf("monthly")), end: codePointIndex(TEXT, TEXT.indexOf(" ask")) };
    const runs = segments(TEXT, [cap, users]);
    expect(runs.map((r) => r.text).join("")).toBe(TEXT);
    expect(runs.filter((r) => r.ids.length > 0).map((r) => [r.text, r.ids])).toEqual([
      ["Above 700 million ", ["cap"]],
      ["monthly users", ["cap", "users"]],
      [",", ["users"]],
    ]);
  });

  it("places a highlight after a character outside the BMP by code points", () => {
    const start = codePointIndex(TEXT, TEXT.indexOf("freely"));
    const runs = segments(TEXT, [{ id: "free", start, end: start + "freely".length }]);
    expect(runs.find((r) => r.ids.length)?.text).toBe("freely");
  });

  it("returns the text as one plain run without highlights, and drops empty ones", () => {
    expect(segments(TEXT, [])).toEqual([{ text: TEXT, ids: [] }]);
    expect(segments(TEXT, [{ id: "empty", start: 4, end: 4 }])).toEqual([{ text: TEXT, ids: [] }]);
  });
});

describe("selectorsFor", () => {
  it("gives the quote without surrounding white space, its context and its code-point position", () => {
    const from = TEXT.indexOf("Above") - 1;
    const to = TEXT.indexOf(", ask");
    const selectors = selectorsFor(TEXT, from, to)!;
    expect(selectors.quote.exact).toBe("Above 700 million monthly users");
    expect(selectors.quote.prefix).toBe([...TEXT.slice(0, TEXT.indexOf("Above"))].slice(-32).join(""));
    expect(selectors.quote.suffix).toBe(", ask first.\n");
    const start = codePointIndex(TEXT, TEXT.indexOf("Above"));
    expect(selectors.position).toEqual({ start, end: start + selectors.quote.exact.length });
    expect([...TEXT].slice(selectors.position.start, selectors.position.end).join("")).toBe(selectors.quote.exact);
  });

  it("never splits a character outside the BMP and accepts a backwards selection", () => {
    const inside = TEXT.indexOf("𝔐") + 1; // between the two halves of the pair
    const selectors = selectorsFor(TEXT, inside + 5, inside)!;
    expect(selectors.quote.exact).toBe("𝔐odel");
    // counted in code points: "𝔐" is one, though two UTF-16 units
    const start = "1. Use the ".length;
    expect(selectors.position).toEqual({ start, end: start + 5 });
    expect([...TEXT].slice(start, start + 5).join("")).toBe("𝔐odel");
  });

  it("makes nothing of a selection of white space only", () => {
    expect(selectorsFor(TEXT, TEXT.indexOf("\n"), TEXT.indexOf("\n") + 1)).toBeNull();
  });
});
