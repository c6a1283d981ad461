import { api, type HistoryEntry } from "../api";
import { el, link } from "../dom";
import { timelineAddress, type TimelineFilter } from "../history-logic";

const PAGE = 50;

/** The event kinds people filter by most, grouped by what they are about. */
const KINDS: [string, string[]][] = [
  ["Claims", ["ClaimProposed", "ClaimReviewed", "ClaimAccepted", "ClaimRejected", "ClaimSuperseded",
    "ClaimReinstated", "ClaimLocked", "ClaimImported"]],
  ["Debate", ["ArgumentPosted", "ArgumentEdited", "ProducerResponsePosted"]],
  ["Disputes", ["DisputeOpened", "DisputeTaken", "DisputeResolved", "DisputeAppealed", "AppealWindowClosed"]],
  ["Moderation", ["ContentFlagged", "ContentHidden", "ContentUnhidden", "FlagsDismissed", "ModelProtected",
    "ModelProtectionLifted"]],
  ["Models", ["ModelFamilyRegistered", "ReleaseRegistered"]],
];

/**
 * A timeline with filters (event kind, first and last day) and "Show more" paging through the API's
 * Link header. {@code path} is the timeline's address (e.g. /api/history); {@code id} keeps the
 * controls' ids apart when a page has more than one.
 */
export function timeline(path: string, id: string, showModel: boolean, until: string | null = null): HTMLElement {
  const kind = el("select", { id: `${id}-kind` }, el("option", { value: "" }, "every kind"),
    ...KINDS.map(([group, kinds]) => el("optgroup", { label: group },
      ...kinds.map((k) => el("option", { value: k }, k)))));
  const from = el("input", { id: `${id}-from`, type: "date" });
  const to = el("input", { id: `${id}-to`, type: "date", ...(until ? { max: until } : {}) });
  const status = el("p", { role: "status", "aria-live": "polite", class: "status" });
  const list = el("ol", { class: "history timeline" });
  const more = el("button", { type: "button", class: "more", hidden: true }, "Show more");
  let firstNew: HTMLElement | null = null;
  const filters = el("form", { class: "timeline-filters", "aria-label": "Filter the timeline" },
    el("label", { for: kind.id }, "Kind"), kind, el("label", { for: from.id }, "From"), from,
    el("label", { for: to.id }, "To"), to, el("button", { type: "submit" }, "Apply"));

  let next: string | null = null;
  let ticket = 0;
  const load = async (address: string, append: boolean) => {
    const mine = ++ticket;
    status.textContent = "Loading…";
    // the button keeps its place (and keyboard focus) while the next page loads
    if (append) more.disabled = true;
    else more.hidden = true;
    try {
      const page = await api.timeline(address);
      if (mine !== ticket) return; // a newer filter won
      if (!append) list.replaceChildren();
      const items = page.entries.map((entry) => entryItem(entry, showModel));
      list.append(...items);
      firstNew = append ? items[0] ?? null : null;
      next = page.next;
      more.hidden = next === null;
      more.disabled = false;
      // after "Show more", keyboard users continue at the first new entry
      if (firstNew && (document.activeElement === more || more.hidden)) firstNew.focus();
      status.textContent = list.children.length === 0 ? "Nothing matches." : `${list.children.length} entries shown`
        + (next ? "; more below." : ".");
    } catch (error) {
      if (mine !== ticket) return;
      status.textContent = `The timeline could not be loaded: ${(error as Error).message}`;
      more.disabled = false;
      more.hidden = !append || next === null; // "Show more" again retries the same page
    }
  };
  const filtered = () => {
    // a page shown as of a day lists nothing after it
    const last = until && (!to.value || to.value > until) ? until : to.value;
    const filter: TimelineFilter = { kinds: kind.value ? [kind.value] : [], from: from.value, to: last };
    try {
      void load(timelineAddress(path, filter, PAGE), false);
    } catch (error) {
      status.textContent = (error as Error).message;
    }
  };
  filters.addEventListener("submit", (event) => { event.preventDefault(); filtered(); });
  more.addEventListener("click", () => { if (next) void load(next, true); });
  filtered();
  return el("div", { class: "timeline-view" }, filters, status, list, more);
}

function entryItem(entry: HistoryEntry, showModel: boolean): HTMLElement {
  return el("li", { "data-kind": entry.eventType, tabindex: "-1" },
    el("time", { datetime: entry.at }, entry.at.slice(0, 19).replace("T", " ")), " ",
    el("span", { class: "kind" }, entry.eventType), " ",
    showModel && entry.modelId ? link(`#/models/${encodeURIComponent(entry.modelId)}`, entry.modelId) : null,
    showModel && entry.modelId ? ": " : "",
    entry.claimId ? link(`#/claims/${encodeURIComponent(entry.claimId)}`, entry.summary) : entry.summary,
    entry.reason ? el("span", { class: "reason" }, ` — ${entry.reason}`) : null);
}
