import { api } from "../api";
import { el, link, render } from "../dom";

/** The ledger's recent changes and the audit chain's head (record it to check the log later). */
export async function historyPage(root: HTMLElement): Promise<void> {
  render(root, el("p", { role: "status" }, "Loading…"));
  const [changes, head] = await Promise.all([api.recentChanges(), api.auditHead()]);
  render(root, 
    el("h1", {}, "Recent changes"),
    el("p", {}, "Audit chain head: ", el("code", { class: "head" }, head.link),
      ` (${head.position} events, ${head.algorithm})`),
    el("p", {}, el("a", { href: "/feeds/changes.atom" }, "Atom feed of these changes")),
    el("ol", { class: "history" }, ...changes.map((entry) => el("li", {},
      el("time", { datetime: entry.at }, entry.at.slice(0, 19).replace("T", " ")), " ",
      entry.modelId ? link(`#/models/${encodeURIComponent(entry.modelId)}`, entry.modelId) : null,
      entry.modelId ? ": " : "", entry.summary))));
}
