// Forms that write through the API with the person's token. Refusals from the API (its problem
// detail and field errors) are shown in place; nothing is written unless the API accepted it.
import { accessToken, login, session } from "./auth";
import { ApiProblem, send } from "./api";
import { el, type Child } from "./dom";

export function hasRole(role: "reviewer" | "moderator" | "producer" | "admin"): boolean {
  return session()?.roles.includes(role) ?? false;
}

export function canReview(): boolean {
  return hasRole("reviewer");
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
export function submitTo<T>(form: HTMLFormElement, path: string, body: () => unknown, done: (answer: T) => void,
                            method: "POST" | "PUT" = "POST"): void {
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
      done(await send<T>(method, path, token, body()));
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

/**
 * A one-field form that POSTs {@code {reason}} to {@code path} (moderators' hide, unhide, dismiss);
 * {@code id} names its controls so that labels and tests can find them.
 */
export function reasonForm<T>(id: string, action: string, path: string, done: (answer: T) => void): HTMLFormElement {
  const reason = el("input", { id: `${id}-reason`, type: "text", required: true, maxlength: "2000" });
  const form = el("form", { class: `reason-form ${id}` }, field(`Reason to ${action.toLowerCase()}`, reason),
    el("button", { type: "submit" }, action));
  submitTo(form, path, () => ({ reason: reason.value }), done);
  return form;
}

/**
 * Evidence controls (URL, optional quote, or an annotation of this ledger) and what they add to a
 * request: nothing when both are empty.
 */
export function evidenceFields(id: string): { fields: HTMLElement[]; value: () => object[] } {
  const url = el("input", { id: `${id}-url`, type: "url", placeholder: "https://…" });
  const quote = el("input", { id: `${id}-quote`, type: "text", maxlength: "4000" });
  const annotation = annotationField(`${id}-annotation`);
  return {
    fields: [field("Evidence URL (optional)", url), field("Quoted passage (optional)", quote),
      field("Or an annotation id (optional)", annotation)],
    value: () => [
      ...(url.value.trim() ? [{ url: url.value.trim(), retrievedOn: new Date().toISOString().slice(0, 10),
        ...(quote.value.trim() ? { quote: quote.value } : {}) }] : []),
      ...(annotation.value.trim() ? [{ annotationId: annotation.value.trim() }] : []),
    ],
  };
}

/** An annotation id: the document, version, date, hash and quote of the evidence then come from the annotation. */
export function annotationField(id: string): HTMLInputElement {
  return el("input", { id, type: "text", maxlength: "64", pattern: "[A-Za-z0-9\\-]+",
    placeholder: "shown under each annotation of a document" });
}

/** A disclosure ({@code details}) that shows {@code content} when opened: keeps rarely used forms out of the way. */
export function disclosure(label: Child | Child[], cls: string, ...content: (HTMLElement | null)[]): HTMLElement {
  return el("details", { class: cls }, el("summary", {}, ...(Array.isArray(label) ? label : [label])), ...content);
}
