import { describe, expect, it } from "vitest";
import type { AssessedComponent, AssessmentChanges, AssessmentVersion } from "../src/api";
import { appealOpen, isDay, nextLink, sideBySide, threads, timelineAddress } from "../src/history-logic";

describe("nextLink", () => {
  it("finds the next page among several links", () => {
    expect(nextLink('</api/history?limit=50&after=120>; rel="next", </api/history>; rel="first"'))
      .toBe("/api/history?limit=50&after=120");
    expect(nextLink('</api/history>; rel="first", </api/models/x/history?after=7>; rel=next'))
      .toBe("/api/models/x/history?after=7");
  });

  it("is null without a next link", () => {
    expect(nextLink(null)).toBeNull();
    expect(nextLink('</api/history?after=1>; rel="prev"')).toBeNull();
  });

  it("never follows an address outside this API", () => {
    expect(nextLink('<https://evil.example/api/history?after=1>; rel="next"')).toBeNull();
    expect(nextLink('<//evil.example/api/history>; rel="next"')).toBeNull();
    expect(nextLink('<javascript:alert(1)>; rel="next"')).toBeNull();
  });
});

describe("timelineAddress", () => {
  it("turns days into whole UTC days and keeps the page size", () => {
    const address = timelineAddress("/api/history", { kinds: ["ClaimAccepted", "ClaimRejected"], from: "2025-01-02",
      to: "2025-01-03" }, 50);
    const query = new URLSearchParams(address.split("?")[1]);
    expect(address.startsWith("/api/history?")).toBe(true);
    expect(query.get("kind")).toBe("ClaimAccepted,ClaimRejected");
    expect(query.get("from")).toBe("2025-01-02T00:00:00Z");
    expect(query.get("to")).toBe("2025-01-03T23:59:59.999Z");
    expect(query.get("limit")).toBe("50");
  });

  it("leaves out filters that are not set", () => {
    expect(timelineAddress("/api/models/m/history", { kinds: [], from: "", to: "" }, 10))
      .toBe("/api/models/m/history?limit=10");
  });

  it("refuses a malformed day and a range that ends before it starts", () => {
    expect(() => timelineAddress("/api/history", { kinds: [], from: "2025-13", to: "" }, 10)).toThrow(/from must be a day/);
    expect(() => timelineAddress("/api/history", { kinds: [], from: "2025-02-01", to: "2025-01-01" }, 10))
      .toThrow(/comes after/);
  });
});

describe("threads", () => {
  const arg = (argumentId: string, parentArgumentId: string | null) => ({ argumentId, parentArgumentId });

  it("puts replies under their parents in posting order", () => {
    const result = threads([arg("a", null), arg("b", "a"), arg("c", null), arg("d", "b"), arg("e", "a")]);
    expect(result.map((t) => t.argument.argumentId)).toEqual(["a", "c"]);
    expect(result[0].replies.map((t) => t.argument.argumentId)).toEqual(["b", "e"]);
    expect(result[0].replies[0].replies.map((t) => t.argument.argumentId)).toEqual(["d"]);
  });

  it("keeps a reply whose parent is not in the list as a thread of its own", () => {
    const result = threads([arg("b", "missing"), arg("c", "b")]);
    expect(result.map((t) => t.argument.argumentId)).toEqual(["b"]);
    expect(result[0].replies.map((t) => t.argument.argumentId)).toEqual(["c"]);
  });

  it("does not lose an argument that names itself as its parent", () => {
    const result = threads([arg("a", "a"), arg("b", null)]);
    expect(result.map((t) => t.argument.argumentId)).toEqual(["a", "b"]);
    expect(result[0].replies).toEqual([]);
  });
});

describe("sideBySide", () => {
  const component = (name: string, openness: string, licence: string | null = null): AssessedComponent =>
    ({ component: name, claimId: `${name}-${openness}`, openness, licence, scope: "release" });
  const version = (n: number, ...components: AssessedComponent[]): AssessmentVersion =>
    ({ modelId: "m", releaseId: "r", version: n, publishedAt: null, causedByClaimId: null, components, scores: null });

  it("lines up both versions by component in catalogue order and marks what changed", () => {
    const before = version(1, component("final-weights", "closed"), component("model-card", "open"));
    const after = version(2, component("training-code", "open", "MIT"), component("final-weights", "open"),
      component("model-card", "open"));
    const changes: AssessmentChanges = { fromVersion: 1, toVersion: 2, changes: [
      { component: "final-weights", kind: "changed", aspects: ["openness", "claim"],
        causes: [{ version: 2, claimId: "c", event: "ClaimAccepted", actorId: "bob", reason: "r" }] },
      { component: "training-code", kind: "added", aspects: ["openness", "licence", "claim"], causes: [] },
    ] };
    const rows = sideBySide(before, after, changes, ["training-code", "final-weights", "model-card"]);
    expect(rows.map((r) => r.component)).toEqual(["training-code", "final-weights", "model-card"]);
    expect(rows[0].before).toBeNull();
    expect(rows[0].after?.licence).toBe("MIT");
    expect(rows[1].before?.openness).toBe("closed");
    expect(rows[1].after?.openness).toBe("open");
    expect(rows[1].causes[0].actorId).toBe("bob");
    expect(rows[2].aspects).toEqual([]);
  });

  it("compares with nothing before the first version, and sorts unknown components last by name", () => {
    const rows = sideBySide(null, version(1, component("zeta", "open"), component("alpha", "closed"),
      component("model-card", "partial")), null, ["model-card"]);
    expect(rows.map((r) => r.component)).toEqual(["model-card", "alpha", "zeta"]);
    expect(rows.every((r) => r.before === null)).toBe(true);
  });
});

describe("isDay", () => {
  it("accepts calendar days only", () => {
    expect(isDay("2024-02-29")).toBe(true);
    expect(isDay("2023-02-29")).toBe(false);
    expect(isDay("2024-13-01")).toBe(false);
    expect(isDay("2024-1-01")).toBe(false);
    expect(isDay(null)).toBe(false);
  });
});

describe("appealOpen", () => {
  const now = new Date("2025-06-10T12:00:00Z");
  const decided = { state: "DECIDED", closed: false, appeal: null, appealableUntil: "2025-06-12T00:00:00Z" };

  it("is open after a first decision, within the window", () => {
    expect(appealOpen(decided, now)).toBe(true);
  });

  it("is shut once the window passed, once appealed, when closed, or before any decision", () => {
    expect(appealOpen({ ...decided, appealableUntil: "2025-06-10T11:59:59Z" }, now)).toBe(false);
    expect(appealOpen({ ...decided, appeal: { appellantId: "bob" } }, now)).toBe(false);
    expect(appealOpen({ ...decided, closed: true }, now)).toBe(false);
    expect(appealOpen({ ...decided, state: "TAKEN" }, now)).toBe(false);
  });
});
