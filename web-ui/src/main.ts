import "./styles.css";
import { ApiProblem } from "./api";
import { login, logout, startAuth, type Session } from "./auth";
import { el, link, render } from "./dom";
import { claimPage } from "./pages/claim";
import { documentPage, documentsPage } from "./pages/documents";
import { historyPage } from "./pages/history";
import { matrixPage } from "./pages/matrix";
import { moderationPage } from "./pages/moderation";
import { modelPage } from "./pages/model";
import { versionsPage } from "./pages/versions";
import { isDay } from "./history-logic";

// Hash routes: #/ (matrix), #/models/<id>[?asOf=YYYY-MM-DD], #/models/<id>/releases/<id>/versions[?from&to],
// #/claims/<id>, #/documents, #/documents/<id>[?version&tag&annotation], #/history, #/moderation.
const main = document.getElementById("main") as HTMLElement;

/** Shows the page the hash names; {@code moveFocus} after navigation, so that keyboard and screen-reader users land on it. */
async function route(moveFocus: boolean): Promise<void> {
  // Each route renders into a view of its own: a slower, older page finishing late writes into a
  // view that is no longer shown, never over the current one.
  const view = el("div", { class: "view" });
  main.replaceChildren(view);
  const [hash, search] = (location.hash || "#/").split("?", 2);
  const query = new URLSearchParams(search ?? "");
  const model = /^#\/models\/([^/]+)$/.exec(hash);
  const versions = /^#\/models\/([^/]+)\/releases\/([^/]+)\/versions$/.exec(hash);
  const claim = /^#\/claims\/([^/]+)$/.exec(hash);
  const ledgerDocument = /^#\/documents\/([^/]+)$/.exec(hash);
  const day = query.get("asOf");
  try {
    if (model) await modelPage(view, decodeURIComponent(model[1]), isDay(day) ? day : null);
    else if (versions) {
      await versionsPage(view, decodeURIComponent(versions[1]), decodeURIComponent(versions[2]), query);
    }
    else if (claim) await claimPage(view, decodeURIComponent(claim[1]));
    else if (ledgerDocument) await documentPage(view, decodeURIComponent(ledgerDocument[1]), query);
    else if (hash === "#/documents") await documentsPage(view);
    else if (hash === "#/history") await historyPage(view);
    else if (hash === "#/moderation") await moderationPage(view);
    else matrixPage(view);
  } catch (error) {
    const detail = error instanceof ApiProblem ? error.detail : String(error);
    render(view, el("h1", {}, "Not available"), el("p", { role: "alert" }, detail), link("#/", "Back to the matrix"));
  }
  // the page's own name in the title and, after navigation, focus on its heading: screen readers announce it
  const heading = view.querySelector("h1");
  document.title = heading?.textContent ? `${heading.textContent} · Openness Ledger` : "Openness Ledger";
  if (moveFocus) {
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    } else {
      main.focus();
    }
  }
}

function showSession(me: Session | null): void {
  const area = document.getElementById("session") as HTMLElement;
  if (!me) {
    const button = el("button", { type: "button", id: "login" }, "Log in");
    button.addEventListener("click", login);
    render(area, button);
    return;
  }
  const roles = me.roles.filter((r) => ["reviewer", "moderator", "producer", "admin"].includes(r));
  // the queue's link only for moderators (the API refuses everyone else anyway)
  document.getElementById("moderation-link")?.toggleAttribute("hidden", !roles.includes("moderator"));
  const out = el("button", { type: "button", id: "logout" }, "Log out");
  out.addEventListener("click", logout);
  render(area, el("span", { id: "who" }, `${me.name} (${roles.join(", ") || "no role"})`), " ", out);
}

window.addEventListener("hashchange", () => void route(true));
// The skip link moves focus to the content without touching the hash, which holds the app's route.
document.querySelector("a.skip")?.addEventListener("click", (event) => {
  event.preventDefault();
  main.focus();
});
// The session is known before the first page: init only talks to Keycloak when returning from a login.
startAuth().catch(() => null).then((me) => {
  showSession(me);
  void route(false);
});
