import { api, type Argument, type Claim, type Evidence, type FlaggedItem } from "../api";
import { session } from "../auth";
import { el, link, render } from "../dom";
import { disclosure, evidenceFields, field, hasRole, loginPrompt, reasonForm, submitTo } from "../forms";
import { threads, type Thread } from "../history-logic";
import { argumentOpen, mayArgue, mayFlag } from "../permissions";

/** What the debate needs from its page: names, the claim's open flags (moderators) and a way to redraw. */
export interface DebateContext {
  claim: Claim;
  names: Map<string, string>;
  flags: FlaggedItem[];
  reload: () => void;
}

export const STANCES: Record<string, string> = { pro: "for", con: "against", question: "question" };

/** The claim's arguments as threads, with reply, edit, flag and (moderators) hide/unhide, and a form to argue. */
export function debateSection(args: Argument[], context: DebateContext): HTMLElement {
  return el("section", { class: "debate", "aria-labelledby": "debate-heading" },
    el("h2", { id: "debate-heading" }, `Arguments (${args.length})`),
    args.length === 0 ? el("p", {}, "No arguments yet.") : null,
    el("ol", { class: "threads" }, ...threads(args).map((thread) => threadItem(thread, context))),
    argumentForm(context, null));
}

function threadItem(thread: Thread<Argument>, context: DebateContext): HTMLElement {
  const argument = thread.argument;
  const me = session();
  const moderator = hasRole("moderator");
  const flagged = context.flags.find((item) => item.argumentId === argument.argumentId && item.state === "OPEN");
  const path = `/api/claims/${encodeURIComponent(argument.claimId)}/arguments/${encodeURIComponent(argument.argumentId)}`;
  const visible = argument.text !== null;
  const open = argumentOpen(argument) && mayArgue(context.claim, me);
  const author = argument.authorId ? context.names.get(argument.authorId) ?? argument.authorId : "a hidden author";
  // each control names its argument, so that a list of controls out of context still says which one
  const whose = (label: string) => [label, el("span", { class: "visually-hidden" }, ` (${author}'s argument)`)];
  return el("li", { class: `argument ${argument.stance}`, "data-argument": argument.argumentId },
    el("p", { class: "meta" }, el("span", { class: `stance ${argument.stance}` }, STANCES[argument.stance] ?? argument.stance),
      argument.authorId ? ` · ${context.names.get(argument.authorId) ?? argument.authorId}` : "",
      argument.postedAt ? el("time", { datetime: argument.postedAt }, ` · ${argument.postedAt.slice(0, 10)}`) : "",
      argument.revision > 1 ? ` · edited (revision ${argument.revision})` : ""),
    visible ? el("p", { class: "text" }, argument.text) : el("p", { class: "text placeholder" },
      "Hidden by a moderator."),
    argument.hidden ? el("p", { class: "notice" }, `Hidden by ${context.names.get(argument.hidden.by) ?? argument.hidden.by}: `,
      argument.hidden.reason) : null,
    evidenceList(argument.evidence),
    flagged ? flagList(flagged) : null,
    el("div", { class: "actions" },
      open ? disclosure(whose("Reply"), "reply", argumentForm(context, argument)) : null,
      argumentOpen(argument) && mayFlag(context.claim, me)
        ? disclosure(whose("Flag"), "flag", flagForm(context, argument.argumentId)) : null,
      open && me?.subject === argument.authorId ? disclosure(whose("Edit"), "edit", editForm(context, argument, path)) : null,
      moderator && argumentOpen(argument) ? disclosure(whose("Hide"), "hide",
        reasonForm(`hide-${argument.argumentId}`, "Hide", `${path}/hide`, context.reload)) : null,
      moderator && argument.hidden ? disclosure(whose("Unhide"), "unhide",
        reasonForm(`unhide-${argument.argumentId}`, "Unhide", `${path}/unhide`, context.reload)) : null,
      moderator && flagged ? disclosure(whose("Dismiss flags"), "dismiss",
        reasonForm(`dismiss-${argument.argumentId}`, "Dismiss", `${path}/flags/dismiss`, context.reload)) : null),
    thread.replies.length ? el("ol", { class: "replies" }, ...thread.replies.map((reply) => threadItem(reply, context)))
      : null);
}

export function evidenceList(evidence: Evidence[]): HTMLElement | null {
  if (evidence.length === 0) return null;
  return el("ul", { class: "evidence" }, ...evidence.map((item) => el("li", {}, link(item.url, item.url),
    item.annotationId ? annotatedPassage(item.annotationId, item.quote)
      : item.quote ? el("blockquote", {}, item.quote) : null, ` (retrieved ${item.retrievedOn})`)));
}

/**
 * Evidence citing an annotation: the quote at once, then the passage in its context with the quote
 * highlighted, and a link to it in the document, once the annotation is read.
 */
function annotatedPassage(annotationId: string, quote: string | null): HTMLElement {
  const passage = el("blockquote", { class: "annotated", "data-annotation": annotationId }, quote ?? "");
  void api.annotation(annotationId).then((annotation) => {
    const { prefix, exact, suffix } = annotation.anchor.quote;
    render(passage, prefix ? `…${prefix}` : null, el("mark", {}, exact), suffix ? `${suffix}…` : null,
      el("span", { class: "annotation-link" }, " ", link(`#/documents/${encodeURIComponent(annotation.documentId)}`
        + `?annotation=${encodeURIComponent(annotationId)}`, "in the document"),
      annotation.orphaned ? " (no longer in its newest version)" : null));
  }, () => undefined); // unreadable now: the quote stays as the evidence recorded it
  return passage;
}

/** The open flags on one item, for moderators: reason, text, who. */
export function flagList(item: FlaggedItem): HTMLElement {
  return el("ul", { class: "flags", "aria-label": "Open flags" }, ...item.flags.filter((flag) => !flag.outcome)
    .map((flag) => el("li", {}, el("strong", {}, flag.reason), ": ", flag.text)));
}

/** A new argument on the claim, or a reply to {@code parent}. */
function argumentForm(context: DebateContext, parent: Argument | null): HTMLElement | null {
  if (!session()) return parent || context.claim.hidden ? null : loginPrompt("argue");
  if (!mayArgue(context.claim, session())) return null;
  return postArgumentForm({
    id: parent ? `reply-${parent.argumentId}` : "argue",
    path: `/api/claims/${encodeURIComponent(context.claim.claimId)}/arguments`,
    parent, cls: parent ? "argue reply-form" : "argue", label: parent ? "Reply" : "Argue",
    heading: parent ? null : "Add an argument", done: context.reload,
  });
}

/**
 * A new argument or a reply (stance, text, evidence) posted to a thread's {@code path}: a claim's or an
 * annotation's; {@code id} names the controls.
 */
export function postArgumentForm(options: { id: string; path: string; parent: Argument | null; cls: string;
  label: string; heading: string | null; done: () => void }): HTMLFormElement {
  const { id, parent } = options;
  const stance = el("select", { id: `${id}-stance` },
    ...Object.entries(STANCES).map(([value, label]) => el("option", { value }, label)));
  const text = el("textarea", { id: `${id}-text`, rows: "3", required: true, maxlength: "10000" });
  const evidence = evidenceFields(id);
  const form = el("form", { class: options.cls, "aria-label": options.label },
    options.heading ? el("h3", {}, options.heading) : null,
    field("Stance", stance), field("Text", text), ...evidence.fields,
    el("button", { type: "submit" }, parent ? "Post reply" : "Post argument"));
  submitTo(form, options.path, () => ({
    stance: stance.value, text: text.value, evidence: evidence.value(),
    ...(parent ? { parentArgumentId: parent.argumentId } : {}),
  }), options.done);
  return form;
}

function editForm(context: DebateContext, argument: Argument, path: string): HTMLElement {
  const text = el("textarea", { id: `edit-${argument.argumentId}-text`, rows: "3", required: true, maxlength: "10000" });
  text.value = argument.text ?? "";
  const form = el("form", { class: "edit-argument" }, field("New text", text),
    el("button", { type: "submit" }, "Save (earlier revisions stay readable)"));
  submitTo(form, `${path}/revisions`, () => ({ text: text.value, evidence: argument.evidence.map(evidenceAgain) }),
    context.reload);
  return form;
}

/** Evidence as a request carries it again: an annotation by its id alone (it supplies the rest), else the source. */
function evidenceAgain(e: Evidence): object {
  return e.annotationId ? { annotationId: e.annotationId } : { url: e.url, retrievedOn: e.retrievedOn,
    ...(e.quote ? { quote: e.quote } : {}), ...(e.contentHash ? { contentHash: e.contentHash } : {}) };
}

const FLAG_REASONS = ["spam", "abuse", "off-topic", "misleading", "personal-data", "other"];

/** Ask moderators to look at the claim ({@code argumentId} null) or one of its arguments. */
export function flagForm(context: DebateContext, argumentId: string | null): HTMLElement {
  const id = `flag-${argumentId ?? "claim"}`;
  const reason = el("select", { id: `${id}-reason` }, ...FLAG_REASONS.map((r) => el("option", { value: r }, r)));
  const text = el("input", { id: `${id}-text`, type: "text", required: true, maxlength: "2000" });
  const sent = el("p", { role: "status", class: "sent" });
  const form = el("form", { class: "flag-form" }, field("Why", reason), field("What moderators should know", text),
    el("button", { type: "submit" }, "Send flag"), sent);
  submitTo(form, "/api/flags", () => ({
    claimId: context.claim.claimId, ...(argumentId ? { argumentId } : {}), reason: reason.value, text: text.value,
  }), () => {
    sent.textContent = "Flag sent: moderators will look at it.";
    text.value = "";
  });
  return form;
}
