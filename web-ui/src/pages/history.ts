import { api } from "../api";
import { el, render } from "../dom";
import { timeline } from "./timeline";

/** The ledger's changes, newest first and filterable, and the audit chain's head (record it to check the log later). */
export async function historyPage(root: HTMLElement): Promise<void> {
  render(root, el("p", { role: "status" }, "Loading…"));
  const head = await api.auditHead();
  render(root,
    el("h1", {}, "Recent changes"),
    el("p", {}, "Audit chain head: ", el("code", { class: "head" }, head.link),
      ` (${head.position} events, ${head.algorithm})`),
    el("p", {}, el("a", { href: "/feeds/changes.atom" }, "Atom feed of these changes")),
    timeline("/api/history", "history", true));
}
