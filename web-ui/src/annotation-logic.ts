// Where annotations lie in a document's text, and the selectors a selection makes. The ledger counts
// positions in Unicode code points (W3C TextPositionSelector over the normalised text); the DOM
// counts UTF-16 code units. Everything here converts between the two explicitly.

/** The taxonomy the API accepts (version 1), with the words a reader sees. */
export const ANNOTATION_TAGS: Record<string, string> = {
  "use-scope-restriction": "Use-scope restriction",
  "user-type-threshold": "User-type threshold",
  "commercial-limit": "Commercial limit",
  "redistribution-duty": "Redistribution duty",
  "attribution-naming-duty": "Attribution or naming duty",
  "acceptable-use-policy": "Acceptable-use policy",
  "data-disclosure-statement": "Data-disclosure statement",
  "weights-access-condition": "Weights-access condition",
  other: "Other",
};

export const MOTIVATIONS = ["assessing", "questioning", "commenting", "describing", "classifying", "highlighting",
  "identifying", "linking", "tagging"];

/** How many characters of context a new annotation records on each side (as the ledger's re-anchoring uses). */
export const CONTEXT_CODE_POINTS = 32;

/** The UTF-16 index of code point {@code codePoint} of {@code text} (its length when past the end). */
export function utf16Index(text: string, codePoint: number): number {
  let index = 0;
  for (let seen = 0; seen < codePoint && index < text.length; seen++) {
    const unit = text.charCodeAt(index);
    index += unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  return index;
}

/** How many code points the first {@code utf16} code units of {@code text} hold. */
export function codePointIndex(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

export interface Highlight {
  id: string;
  /** code points, end exclusive */
  start: number;
  end: number;
}

/** A run of the text and the highlights that cover all of it (none: plain text). */
export interface Segment {
  text: string;
  ids: string[];
}

/**
 * The text cut where any highlight starts or ends, each run with the highlights covering it; highlights
 * may overlap. Highlights outside the text are clipped to it.
 */
export function segments(text: string, highlights: Highlight[]): Segment[] {
  const ranges = highlights.map((h) => ({ id: h.id, from: utf16Index(text, h.start), to: utf16Index(text, h.end) }))
    .filter((r) => r.from < r.to);
  const cuts = [...new Set([0, text.length, ...ranges.flatMap((r) => [r.from, r.to])])].sort((a, b) => a - b);
  const runs: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i];
    const to = cuts[i + 1];
    const ids = ranges.filter((r) => r.from <= from && r.to >= to).map((r) => r.id);
    const last = runs[runs.length - 1];
    if (last && same(last.ids, ids)) last.text += text.slice(from, to);
    else runs.push({ text: text.slice(from, to), ids });
  }
  return runs;
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export interface Selectors {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

/**
 * The selectors of the passage between UTF-16 offsets {@code from} and {@code to} of {@code text}, without
 * the white space at its ends; null when nothing but white space is selected.
 */
export function selectorsFor(text: string, from: number, to: number): Selectors | null {
  let start = Math.max(0, Math.min(from, to));
  let end = Math.min(text.length, Math.max(from, to));
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start === end) return null;
  // never cut a surrogate pair: a selection edge inside one takes the whole character
  if (isLowSurrogate(text, start)) start--;
  if (isLowSurrogate(text, end)) end++;
  const before = [...text.slice(0, start)];
  const after = [...text.slice(end)];
  const startCodePoint = before.length;
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: before.slice(Math.max(0, before.length - CONTEXT_CODE_POINTS)).join(""),
      suffix: after.slice(0, CONTEXT_CODE_POINTS).join(""),
    },
    position: { start: startCodePoint, end: startCodePoint + [...text.slice(start, end)].length },
  };
}

function isLowSurrogate(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return index > 0 && index < text.length && unit >= 0xdc00 && unit <= 0xdfff;
}
