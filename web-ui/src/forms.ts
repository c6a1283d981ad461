// Forms that write through the API with the person's token. Refusals from the API (its problem
// detail and field errors) are shown in place; nothing is written unless the API accepted it.
import { accessToken, login, session } from "./auth";
import { ApiProblem, post } from "./api";
import { el } from "./dom";

export function canReview(): boolean {
  return session()?.roles.includes("reviewer") ?? false;
}

/** A login prompt for an action that needs one. */
export function loginPrompt(action: string): HTMLElement {
  const button = el("button", { type: "button" }, `Log in to ${action}`);
  button.addEventListener("click", login);
  return el("p", {}, button);
}

/**
 * Wires {@code form} to POST what {@code body} builds; {@code done} gets the API's answer. The
 * form's alert region shows refusals; the submit button is disabled while the request runs.
 */
export function submitTo<T>(form: HTMLFormElement, path: string, body: () => unknown, done: (answer: T) => void): void {
  const alert = el("p", { role: "alert", class: "form-error" });
  form.append(alert);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const submit = form.querySelector<HTMLButtonElement>("button[type=submit]");
    alert.textContent = "";
    const token = await accessToken();
    if (!token) {
      alert.textContent = "Your session has ended: log in again.";
      return;
    }
    if (submit) submit.disabled = true;
    try {
      done(await post<T>(path, token, body()));
    } catch (error) {
      alert.textContent = error instanceof ApiProblem ? error.detail : String(error);
    } finally {
      if (submit) submit.disabled = false;
    }
  });
}

export function field(label: string, control: HTMLElement & { id: string }): HTMLElement {
  return el("div", { class: "field" }, el("label", { for: control.id }, label), control);
}
