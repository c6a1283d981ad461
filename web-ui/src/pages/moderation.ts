import { api, type QueueItem } from "../api";
import { accessToken, session } from "../auth";
import { el, link, render, startLoad, type Child } from "../dom";
import { field, loginPrompt, reasonForm, submitTo } from "../forms";
import { argumentOpen, mayHideClaim } from "../permissions";

/**
 * The moderators' queue: disputes and appeals (take one, then resolve it with a rationale) and
 * flagged claims or arguments (hide the content, or dismiss the flags), oldest first in each.
 */
export async function moderationPage(root: HTMLElement, afterWrite = false): Promise<void> {
  const newest = startLoad(root);
  const me = session();
  if (!me) {
    render(root, el("h1", {}, "Moderation"), loginPrompt("see the moderation queue"));
    return;
  }
  if (!me.roles.includes("moderator")) {
    render(root, el("h1", {}, "Moderation"), el("p", {}, "The moderation queue is for moderators."));
    return;
  }
  if (!afterWrite) render(root, el("h1", {}, "Moderation queue"), el("p", { role: "status" }, "Loading…"));
  const token = await accessToken();
  const items = token ? await api.moderationQueue(token) : [];
  const disputes = items.filter((item) => item.kind === "dispute");
  const flags = items.filter((item) => item.kind === "flag");
  const reload = () => void moderationPage(root, true);
  // what was flagged, as moderators see it (hidden content included), so that they can judge it here
  const flaggedText = await Promise.all(flags.map((item) => flaggedContent(item, token)));
  if (!newest()) return; // a newer load of the queue won
  render(root, el("h1", {}, "Moderation queue"),
    el("p", { role: "status" }, `Waiting: ${count(disputes.length, "dispute or appeal", "disputes or appeals")}, `
      + `${count(flags.length, "flagged item", "flagged items")}.`),
    el("h2", {}, "Disputes and appeals"),
    disputes.length === 0 ? el("p", {}, "No dispute is waiting.") : null,
    el("ul", { class: "queue disputes" }, ...disputes.map((item) => disputeItem(item, me.subject, reload))),
    el("h2", {}, "Flagged content"),
    flags.length === 0 ? el("p", {}, "No flag is waiting.") : null,
    el("ul", { class: "queue flags" }, ...flags.map((item, i) => flagItem(item, flaggedText[i], reload))));
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

interface Flagged {
  content: Child;
  /** Whether the API would let a moderator hide it (an accepted or disputed claim is dispute business). */
  hideable: boolean;
}

/** The flagged argument's text or the flagged claim's rationale; a note when it cannot be read. */
async function flaggedContent(item: QueueItem, token: string | null): Promise<Flagged> {
  try {
    if (item.argumentId) {
      const argument = await api.argument(item.claimId, item.argumentId, token);
      return { content: el("blockquote", { class: "flagged-text" }, argument.text ?? ""), hideable: argumentOpen(argument) };
    }
    const claim = await api.claim(item.claimId, null, token);
    return { content: el("blockquote", { class: "flagged-text" }, claim.rationale), hideable: mayHideClaim(claim) };
  } catch {
    return { content: el("p", {}, "The flagged content could not be read."), hideable: false };
  }
}

function describe(item: QueueItem): HTMLElement {
  return el("li", { "data-id": item.id, "data-kind": item.kind, "data-state": item.state.toLowerCase() },
    el("strong", {}, `${item.kind} · ${item.state.toLowerCase()}`), " ",
    link(`#/claims/${encodeURIComponent(item.claimId)}`, "the claim"),
    ` · waiting ${Math.round(item.ageSeconds / 60)} min · `, item.summary);
}

/**
 * A dispute or appeal: take it, then resolve it. An appeal stays APPEALED when taken (it goes to a
 * moderator other than the first one; the API checks); taking from another moderator is explicit.
 */
function disputeItem(item: QueueItem, me: string, reload: () => void): HTMLElement {
  const entry = describe(item);
  const path = `/api/disputes/${encodeURIComponent(item.id)}`;
  if (item.ownerId !== me) {
    const what = item.state === "APPEALED" ? "appeal" : "dispute";
    const take = el("form", { class: "take" }, el("button", { type: "submit" },
      item.ownerId ? `Take over this ${what}` : `Take this ${what}`));
    submitTo(take, `${path}/take`, () => (item.ownerId ? { takeOver: true } : {}), reload);
    entry.append(take);
    return entry;
  }
  const decision = el("select", { id: `decision-${item.id}` },
    el("option", { value: "uphold" }, "uphold: the disputed status stands"),
    el("option", { value: "overturn" }, "overturn: the disputed status is reversed"));
  const rationale = el("textarea", { id: `rationale-${item.id}`, rows: "3", required: true, maxlength: "10000" });
  const resolve = el("form", { class: "resolve" }, field("Decision", decision), field("Rationale", rationale),
    el("button", { type: "submit" }, "Resolve"));
  submitTo(resolve, `${path}/resolution`, () => ({ decision: decision.value, rationale: rationale.value }), reload);
  entry.append(resolve);
  return entry;
}

/** A flagged claim or argument: hide it (kept, shown to moderators only) or dismiss its flags. */
function flagItem(item: QueueItem, flagged: Flagged, reload: () => void): HTMLElement {
  const entry = describe(item);
  entry.append(el("div", {}, flagged.content));
  const path = `/api/claims/${encodeURIComponent(item.claimId)}`
    + (item.argumentId ? `/arguments/${encodeURIComponent(item.argumentId)}` : "");
  const key = item.argumentId ?? item.claimId;
  if (flagged.hideable) entry.append(reasonForm(`queue-hide-${key}`, "Hide", `${path}/hide`, reload));
  else if (!item.argumentId) {
    entry.append(el("p", {}, "This claim is accepted or under dispute: it cannot be hidden; dispute it instead."));
  }
  entry.append(reasonForm(`queue-dismiss-${key}`, "Dismiss flags", `${path}/flags/dismiss`, reload));
  return entry;
}
