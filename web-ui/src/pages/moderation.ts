import { api, type QueueItem } from "../api";
import { accessToken, session } from "../auth";
import { el, link, render } from "../dom";
import { field, loginPrompt, submitTo } from "../forms";

/** The moderators' queue: disputes (take one, then resolve it with a rationale), appeals and flags. */
export async function moderationPage(root: HTMLElement): Promise<void> {
  const me = session();
  if (!me) {
    render(root, el("h1", {}, "Moderation"), loginPrompt("see the moderation queue"));
    return;
  }
  if (!me.roles.includes("moderator")) {
    render(root, el("h1", {}, "Moderation"), el("p", {}, "The moderation queue is for moderators."));
    return;
  }
  const token = await accessToken();
  const items = token ? await api.moderationQueue(token) : [];
  render(root, el("h1", {}, "Moderation queue"),
    items.length === 0 ? el("p", {}, "Nothing is waiting.") : null,
    el("ul", { class: "queue" }, ...items.map((item) => queueItem(root, item, me.subject))));
}

function queueItem(root: HTMLElement, item: QueueItem, me: string): HTMLElement {
  const entry = el("li", { "data-id": item.id, "data-kind": item.kind },
    el("strong", {}, `${item.kind} · ${item.state.toLowerCase()}`), " ",
    link(`#/claims/${encodeURIComponent(item.claimId)}`, "the claim"),
    ` · waiting ${Math.round(item.ageSeconds / 60)} min · `, item.summary);
  if (item.kind !== "dispute") return entry;
  if (item.ownerId !== me) {
    const take = el("form", { class: "take" }, el("button", { type: "submit" }, "Take this dispute"));
    submitTo(take, `/api/disputes/${encodeURIComponent(item.id)}/take`, () => ({}), () => void moderationPage(root));
    entry.append(take);
    return entry;
  }
  const decision = el("select", { id: `decision-${item.id}` },
    el("option", { value: "uphold" }, "uphold the claim's status"), el("option", { value: "overturn" }, "overturn it"));
  const rationale = el("textarea", { id: `rationale-${item.id}`, rows: "3", required: true, maxlength: "10000" });
  const resolve = el("form", { class: "resolve" }, field("Decision", decision), field("Rationale", rationale),
    el("button", { type: "submit" }, "Resolve"));
  submitTo(resolve, `/api/disputes/${encodeURIComponent(item.id)}/resolution`,
    () => ({ decision: decision.value, rationale: rationale.value }), () => void moderationPage(root));
  entry.append(resolve);
  return entry;
}
