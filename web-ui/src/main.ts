import "./styles.css";
import { ApiProblem } from "./api";
import { el, link, render } from "./dom";
import { claimPage } from "./pages/claim";
import { historyPage } from "./pages/history";
import { matrixPage } from "./pages/matrix";
import { modelPage } from "./pages/model";

// Hash routes: #/ (matrix), #/models/<id>, #/claims/<id>, #/history.
const main = document.getElementById("main") as HTMLElement;

async function route(): Promise<void> {
  const hash = location.hash || "#/";
  const model = /^#\/models\/([^/]+)$/.exec(hash);
  const claim = /^#\/claims\/([^/]+)$/.exec(hash);
  try {
    if (model) await modelPage(main, decodeURIComponent(model[1]));
    else if (claim) await claimPage(main, decodeURIComponent(claim[1]));
    else if (hash === "#/history") await historyPage(main);
    else matrixPage(main);
  } catch (error) {
    const detail = error instanceof ApiProblem ? error.detail : String(error);
    render(main, el("h1", {}, "Not available"), el("p", { role: "alert" }, detail), link("#/", "Back to the matrix"));
  }
  main.focus();
}

window.addEventListener("hashchange", () => void route());
void route();
