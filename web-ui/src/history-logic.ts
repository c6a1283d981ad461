// Data logic of the debate and history views (threads, timelines, version comparison), free of
// the DOM so that it can be tested on its own.
import type { AssessedComponent, AssessmentChanges, AssessmentVersion } from "./api";

/** The next page's address from a Link header, only when it is an address of this API (never another origin). */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(",")) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /(^|;)\s*rel="?next"?\s*(;|$)/.test(match[2]) && /^\/(api|feeds)\/[^/]/.test(match[1])) {
      return match[1];
    }
  }
  return null;
}

export interface TimelineFilter {
  /** Event kinds to keep (e.g. ClaimAccepted); empty for all. */
  kinds: string[];
  /** First day to include (YYYY-MM-DD, UTC), or empty. */
  from: string;
  /** Last day to include (YYYY-MM-DD, UTC), or empty. */
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether {@code text} is a calendar day written YYYY-MM-DD (2024-02-30 is not). */
export function isDay(text: string | null): text is string {
  if (text === null || !DAY.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

/**
 * A timeline's address with the filter as query parameters; days become whole UTC days. A day
 * that is not YYYY-MM-DD is refused here, before asking the API.
 */
export function timelineAddress(path: string, filter: TimelineFilter, limit: number): string {
  const query = new URLSearchParams();
  if (filter.kinds.length > 0) query.set("kind", filter.kinds.join(","));
  for (const [name, day, time] of [["from", filter.from, "T00:00:00Z"], ["to", filter.to, "T23:59:59.999Z"]]) {
    if (!day) continue;
    if (!isDay(day)) throw new Error(`${name} must be a day such as 2025-01-31, got '${day}'`);
    query.set(name, day + time);
  }
  if (filter.from && filter.to && filter.from > filter.to) throw new Error("the first day comes after the last");
  query.set("limit", String(limit));
  return `${path}?${query.toString()}`;
}

/** One argument with its replies, in the order they were posted. */
export interface Thread<A> {
  argument: A;
  replies: Thread<A>[];
}

/**
 * Arguments (oldest first) as threads: replies under their parent; a reply whose parent is not
 * in the list (not shown to this reader) becomes a thread of its own rather than disappear.
 */
export function threads<A extends { argumentId: string; parentArgumentId: string | null }>(args: A[]): Thread<A>[] {
  const nodes = new Map(args.map((argument) => [argument.argumentId, { argument, replies: [] as Thread<A>[] }]));
  const roots: Thread<A>[] = [];
  for (const argument of args) {
    const node = nodes.get(argument.argumentId)!;
    const parent = argument.parentArgumentId ? nodes.get(argument.parentArgumentId) : undefined;
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}

/** One row of two assessment versions side by side. */
export interface ComparedComponent {
  component: string;
  before: AssessedComponent | null;
  after: AssessedComponent | null;
  /** What changed (openness, licence, claim); empty when both sides are the same. */
  aspects: string[];
  /** The versions in between that made the change, with who and why. */
  causes: AssessmentChanges["changes"][number]["causes"];
}

/**
 * Two versions side by side, one row per component either of them assesses, in {@code order}
 * (the catalogue's) and then by name; changed rows carry the API's aspects and causes.
 */
export function sideBySide(before: AssessmentVersion | null, after: AssessmentVersion | null,
                           changes: AssessmentChanges | null, order: string[]): ComparedComponent[] {
  const left = new Map((before?.components ?? []).map((c) => [c.component, c]));
  const right = new Map((after?.components ?? []).map((c) => [c.component, c]));
  const changed = new Map((changes?.changes ?? []).map((c) => [c.component, c]));
  const rank = (component: string) => {
    const index = order.indexOf(component);
    return index < 0 ? order.length : index;
  };
  return [...new Set([...left.keys(), ...right.keys(), ...changed.keys()])]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((component) => ({
      component,
      before: left.get(component) ?? null,
      after: right.get(component) ?? null,
      aspects: changed.get(component)?.aspects ?? [],
      causes: changed.get(component)?.causes ?? [],
    }));
}

/** Whether an appeal can still be made: a first decision, no appeal yet, and the window still open at {@code now}. */
export function appealOpen(dispute: { state: string; closed: boolean; appeal: unknown; appealableUntil: string | null },
                           now: Date): boolean {
  return dispute.state === "DECIDED" && !dispute.closed && !dispute.appeal && dispute.appealableUntil !== null
    && new Date(dispute.appealableUntil).getTime() > now.getTime();
}
