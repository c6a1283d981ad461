import { api, displayName, type Annotation, type Argument, type DocumentVersion, type LedgerDocument } from "../api";
import { session } from "../auth";
import { ANNOTATION_TAGS, MOTIVATIONS, segments, selectorsFor, type Selectors } from "../annotation-logic";
import { el, link, render } from "../dom";
import { canReview, disclosure, field, loginPrompt, submitTo } from "../forms";
import { threads, type Thread } from "../history-logic";
import { evidenceList, postArgumentForm, STANCES } from "./debate";

/** The documents the ledger keeps (licences, model cards, terms), and for reviewers a form to add one. */
export async function documentsPage(root: HTMLElement): Promise<void> {
  render(root, el("p", { role: "status" }, "Loading…"));
  const documents = await api.documents();
  render(root,
    el("h1", {}, "Documents"),
    el("p", {}, "Licence texts, model cards and terms as the ledger keeps them: every distinct text is a version;"
      + " annotations highlight the passages that make a model more or less open."),
    documents.length === 0 ? el("p", {}, "No documents yet.") : el("ul", { class: "documents" },
      ...documents.map((d) => el("li", {}, link(documentRoute(d.documentId), d.title),
        ` · ${d.versions.length === 1 ? "1 version" : `${d.versions.length} versions`} · `,
        link(d.sourceUrl, d.sourceUrl)))),
    addDocumentForm());
}

function documentRoute(documentId: string, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `#/documents/${encodeURIComponent(documentId)}${search ? `?${search}` : ""}`;
}

/** Paste a text: a new document, a new version of the document of that URL, or nothing when unchanged. */
function addDocumentForm(): HTMLElement | null {
  if (!session()) return loginPrompt("add a document");
  if (!canReview()) return null;
  const url = el("input", { id: "document-url", type: "url", required: true, placeholder: "https://…" });
  const title = el("input", { id: "document-title", type: "text", required: true, maxlength: "200" });
  const mediaType = el("select", { id: "document-media-type" },
    el("option", { value: "text/plain" }, "plain text"), el("option", { value: "text/markdown" }, "Markdown"));
  const text = el("textarea", { id: "document-text", rows: "10", required: true });
  // a text file instead of pasting: read in the browser into the text field (the API takes text, never files)
  const file = el("input", { id: "document-file", type: "file", accept: ".txt,.md,text/plain,text/markdown" });
  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    if (/\.md$/i.test(chosen.name) || chosen.type === "text/markdown") mediaType.value = "text/markdown";
    void chosen.text().then((content) => { text.value = content; });
  });
  const form = el("form", { class: "add-document", "aria-label": "Add a document" }, el("h2", {}, "Add a document"),
    field("Source URL", url), field("Title", title), field("Type", mediaType), field("Text file (optional)", file),
    field("Text, as published", text), el("button", { type: "submit" }, "Add"));
  submitTo<{ documentId: string }>(form, "/api/documents", () => ({
    sourceUrl: url.value.trim(), title: title.value, mediaType: mediaType.value, text: text.value,
  }), (added) => { location.hash = documentRoute(added.documentId); });
  return form;
}

/**
 * One document: a version's text with its annotations highlighted (as text nodes and mark elements,
 * never parsed markup), the annotations filtered by tag, and on the latest version a form to annotate
 * the passage a reviewer selects.
 */
export async function documentPage(root: HTMLElement, documentId: string, query: URLSearchParams): Promise<void> {
  render(root, el("p", { role: "status" }, "Loading…"));
  const ledgerDocument = await api.document(documentId);
  const asked = Number(query.get("version"));
  const shown = ledgerDocument.versions.some((v) => v.version === asked) ? asked : ledgerDocument.latestVersion;
  const tag = query.get("tag") && ANNOTATION_TAGS[query.get("tag")!] ? query.get("tag")! : null;
  const [version, annotations] = await Promise.all([api.documentVersion(documentId, shown),
    api.annotations({ document: documentId, tag: tag ?? undefined })]);
  const here = annotations.filter((a) => a.version === shown && !a.orphaned);
  const text = passageText(version, here);
  const latest = shown === ledgerDocument.latestVersion;
  render(root,
    el("p", {}, link("#/documents", "← Documents")),
    el("h1", {}, ledgerDocument.title),
    el("p", {}, "Source: ", link(ledgerDocument.sourceUrl, ledgerDocument.sourceUrl), ` · ${ledgerDocument.mediaType}`),
    versionPicker(ledgerDocument, shown, tag),
    compareForm(ledgerDocument, query),
    diffSection(ledgerDocument, query),
    el("p", { class: "version-meta" }, `Version ${shown} of ${ledgerDocument.latestVersion}`,
      ` · retrieved ${version.retrievedAt.slice(0, 10)} · `, el("code", {}, version.contentHash)),
    latest ? annotateForm(documentId, shown, text, query) : el("p", { class: "notice" },
      "Annotations are made on the latest version; they move to each new version that still holds their passage."),
    text,
    el("h2", { id: "annotations-heading" }, "Annotations"),
    tagFilter(documentId, shown, tag),
    annotationList(annotations, shown, documentId));
  const focus = query.get("annotation");
  if (focus) root.querySelector(`li[data-annotation="${CSS.escape(focus)}"]`)?.scrollIntoView();
}

function versionPicker(ledgerDocument: LedgerDocument, shown: number, tag: string | null): HTMLElement | null {
  if (ledgerDocument.versions.length < 2) return null;
  const select = el("select", { id: "document-version" }, ...ledgerDocument.versions.map((v) => el("option",
    { value: String(v.version), selected: v.version === shown }, `Version ${v.version} (${v.retrievedAt.slice(0, 10)})`)));
  const form = el("form", { class: "version-picker", "aria-label": "Show a version" },
    el("label", { for: select.id }, "Version"), select, el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = documentRoute(ledgerDocument.documentId, { version: select.value, ...(tag ? { tag } : {}) });
  });
  return form;
}

/** Two versions to compare (by default the one before the latest, and the latest). */
function compareForm(ledgerDocument: LedgerDocument, query: URLSearchParams): HTMLElement | null {
  if (ledgerDocument.versions.length < 2) return null;
  const latest = ledgerDocument.latestVersion;
  const picker = (id: string, chosen: number) => el("select", { id },
    ...ledgerDocument.versions.map((v) => el("option", { value: String(v.version), selected: v.version === chosen },
      `version ${v.version}`)));
  const from = picker("diff-from", Number(query.get("from")) || latest - 1);
  const to = picker("diff-to", Number(query.get("to")) || latest);
  const form = el("form", { class: "compare-picker", "aria-label": "Compare two versions" },
    el("label", { for: from.id }, "Compare"), from, el("label", { for: to.id }, "with"), to,
    el("button", { type: "submit" }, "Show changes"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams(query);
    next.set("from", from.value);
    next.set("to", to.value);
    location.hash = documentRoute(ledgerDocument.documentId, Object.fromEntries(next));
  });
  return form;
}

/** The changes between the versions the address names, line by line (text nodes; added and removed marked). */
function diffSection(ledgerDocument: LedgerDocument, query: URLSearchParams): HTMLElement | null {
  const from = Number(query.get("from"));
  const to = Number(query.get("to"));
  if (!from || !to) return null;
  const section = el("section", { class: "document-diff", "aria-label": `Changes from version ${from} to ${to}` },
    el("p", { role: "status" }, "Comparing…"));
  void api.documentDiff(ledgerDocument.documentId, from, to).then((diff) => render(section,
    el("h2", {}, `Changes from version ${diff.from} to version ${diff.to}`),
    el("p", { class: "diff-counts" }, `${diff.addedLines} lines added, ${diff.removedLines} removed`,
      diff.minimal ? "" : " (too far apart to compare line by line: the middle counts as replaced)",
      diff.truncated ? " (the first changes only)" : ""),
    ...diff.hunks.map((hunk) => el("pre", { class: "hunk" },
      el("span", { class: "hunk-head" }, `@@ -${hunk.fromStart},${hunk.fromCount} +${hunk.toStart},${hunk.toCount} @@`),
      ...hunk.lines.map((line) => el(line.op === "added" ? "ins" : line.op === "removed" ? "del" : "span",
        { class: `line ${line.op}` }, `${line.op === "added" ? "+ " : line.op === "removed" ? "− " : "  "}${line.text}`))))),
  (error) => render(section, el("p", { role: "alert" }, String(error))));
  return section;
}

/** The version's text with a mark per highlighted run; a run inside several annotations names them all. */
function passageText(version: DocumentVersion, annotations: Annotation[]): HTMLElement {
  const byId = new Map(annotations.map((a) => [a.annotationId, a]));
  const runs = segments(version.text, annotations.map((a) => ({ id: a.annotationId, start: a.anchor.position.start,
    end: a.anchor.position.end })));
  return el("pre", { class: "document-text", id: "document-text", tabindex: "0",
    "aria-label": `Text of version ${version.version}` },
  ...runs.map((run) => run.ids.length === 0 ? run.text : el("mark", {
    "data-annotations": run.ids.join(" "),
    title: run.ids.map((id) => byId.get(id)!.tags.map((t) => ANNOTATION_TAGS[t] ?? t).join(", ")).join(" / "),
  }, run.text)));
}

function tagFilter(documentId: string, version: number, tag: string | null): HTMLElement {
  const select = el("select", { id: "annotation-tag-filter" }, el("option", { value: "" }, "all tags"),
    ...Object.entries(ANNOTATION_TAGS).map(([id, label]) => el("option", { value: id, selected: id === tag }, label)));
  const form = el("form", { class: "tag-filter", "aria-label": "Filter annotations by tag" },
    el("label", { for: select.id }, "Tag"), select, el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = documentRoute(documentId, { version: String(version), ...(select.value ? { tag: select.value } : {}) });
  });
  return form;
}

function annotationList(annotations: Annotation[], shown: number, documentId: string): HTMLElement {
  if (annotations.length === 0) return el("p", { class: "annotations-empty" }, "No annotations here.");
  return el("ol", { class: "annotations", "aria-labelledby": "annotations-heading" },
    ...annotations.map((a) => annotationItem(a, shown, documentId)));
}

function annotationItem(annotation: Annotation, shown: number, documentId: string): HTMLElement {
  const author = el("span", {}, annotation.creatorId);
  void displayName(annotation.creatorId).then((name) => { author.textContent = name; });
  const where = annotation.orphaned
    ? el("strong", { class: "orphaned" }, `orphaned: its passage is no longer in version ${annotation.orphanedInVersion}`
      + ` (last seen in version ${annotation.version})`)
    : annotation.version !== shown ? link(documentRoute(documentId, { version: String(annotation.version) }),
      `in version ${annotation.version}`) : null;
  return el("li", { "data-annotation": annotation.annotationId, id: `annotation-${annotation.annotationId}` },
    el("p", { class: "tags" }, ...annotation.tags.map((t) => el("span", { class: "tag" }, ANNOTATION_TAGS[t] ?? t)),
      ` · ${annotation.motivation} · by `, author, where ? " · " : null, where),
    el("blockquote", {}, annotation.anchor.quote.exact),
    annotation.comment ? el("p", { class: "text" }, annotation.comment) : null,
    el("p", { class: "counts" }, `${annotation.agreeCount} agree, ${annotation.disagreeCount} disagree`,
      annotation.citedByClaims.length ? " · cited by " : null,
      ...annotation.citedByClaims.flatMap((claimId, i) => [i > 0 ? ", " : null,
        link(`#/claims/${encodeURIComponent(claimId)}`, "a claim")])),
    el("p", { class: "cite" }, "Cite as evidence with annotation id ", el("code", {}, annotation.annotationId)),
    el("div", { class: "actions" }, reviewForm(annotation), annotationDebate(annotation)));
}

/**
 * The debate on the annotation, in threads as a claim's, read when first opened; reviewers argue and reply.
 */
function annotationDebate(annotation: Annotation): HTMLElement {
  const body = el("div", { class: "annotation-debate" });
  const details = disclosure("Debate", "debate-annotation", body);
  const show = async () => {
    const args = await api.annotationArguments(annotation.annotationId);
    const names = new Map(await Promise.all([...new Set(args.map((a) => a.authorId).filter((id): id is string => !!id))]
      .map(async (id) => [id, await displayName(id)] as const)));
    const reload = () => void show();
    render(body, args.length === 0 ? el("p", {}, "No arguments yet.") : el("ol", { class: "threads" },
      ...threads(args).map((thread) => annotationThread(annotation, thread, names, reload))),
    annotationArgumentForm(annotation, null, reload));
  };
  details.addEventListener("toggle", () => {
    if ((details as HTMLDetailsElement).open && !body.hasChildNodes()) {
      render(body, el("p", { role: "status" }, "Loading…"));
      show().catch((error) => render(body, el("p", { role: "alert" }, String(error))));
    }
  });
  return details;
}

function annotationThread(annotation: Annotation, thread: Thread<Argument>, names: Map<string, string>,
                          reload: () => void): HTMLElement {
  const argument = thread.argument;
  return el("li", { class: `argument ${argument.stance}`, "data-argument": argument.argumentId },
    el("p", { class: "meta" }, el("span", { class: `stance ${argument.stance}` }, STANCES[argument.stance] ?? argument.stance),
      argument.authorId ? ` · ${names.get(argument.authorId) ?? argument.authorId}` : "",
      argument.revision > 1 ? ` · edited (revision ${argument.revision})` : ""),
    el("p", { class: "text" }, argument.text),
    evidenceList(argument.evidence),
    session() && canReview() ? disclosure("Reply", "reply", annotationArgumentForm(annotation, argument, reload)) : null,
    thread.replies.length ? el("ol", { class: "replies" },
      ...thread.replies.map((reply) => annotationThread(annotation, reply, names, reload))) : null);
}

function annotationArgumentForm(annotation: Annotation, parent: Argument | null, reload: () => void): HTMLElement | null {
  if (!session()) return parent ? null : loginPrompt("argue");
  if (!canReview()) return null;
  return postArgumentForm({
    id: `${parent ? `reply-${parent.argumentId}` : "argue"}-${annotation.annotationId}`,
    path: `/api/annotations/${encodeURIComponent(annotation.annotationId)}/arguments`,
    parent, cls: "argue", label: parent ? "Reply" : "Argue about this annotation", heading: null, done: reload,
  });
}

/** Agree or disagree with an annotation (a disagreement needs a reason); not offered to its creator. */
function reviewForm(annotation: Annotation): HTMLElement | null {
  const me = session();
  if (!me || !canReview() || me.subject === annotation.creatorId) return null;
  const id = `review-${annotation.annotationId}`;
  const verdict = el("select", { id: `${id}-verdict` }, el("option", { value: "agree" }, "agree"),
    el("option", { value: "disagree" }, "disagree"));
  const reason = el("input", { id: `${id}-reason`, type: "text", maxlength: "2000" });
  const form = el("form", { class: "annotation-review" }, field("Verdict", verdict), field("Reason", reason),
    el("button", { type: "submit" }, "Review"));
  submitTo(form, `/api/annotations/${encodeURIComponent(annotation.annotationId)}/reviews`,
    () => ({ verdict: verdict.value, ...(reason.value.trim() ? { reason: reason.value } : {}) }),
    () => window.dispatchEvent(new HashChangeEvent("hashchange")));
  return disclosure("Review this annotation", "review-annotation", form);
}

/**
 * For reviewers on the latest version: selecting a passage of the text fills the form with its quote
 * (with context) and position; tags, motivation and a comment complete the annotation.
 */
function annotateForm(documentId: string, version: number, text: HTMLElement, query: URLSearchParams): HTMLElement | null {
  if (!session()) return loginPrompt("annotate this document");
  if (!canReview()) return null;
  let selected: Selectors | null = null;
  const preview = el("blockquote", { id: "annotation-selection", class: "selection" });
  const hint = el("p", { class: "hint" }, "Select a passage of the text below to annotate it.");
  const tags = el("fieldset", { class: "tags" }, el("legend", {}, "Tags"),
    ...Object.entries(ANNOTATION_TAGS).map(([id, label]) => el("label", { class: "tag-choice" },
      el("input", { type: "checkbox", name: "annotation-tag", value: id }), ` ${label}`)));
  const motivation = el("select", { id: "annotation-motivation" },
    ...MOTIVATIONS.map((m) => el("option", { value: m }, m)));
  const comment = el("textarea", { id: "annotation-comment", rows: "3", maxlength: "5000" });
  const submit = el("button", { type: "submit", disabled: true }, "Annotate the selection");
  const form = el("form", { class: "annotate", "aria-label": "Annotate a passage" }, el("h2", {}, "Annotate"),
    hint, preview, tags, field("Motivation", motivation), field("Comment", comment), submit);
  const pre = text;
  document.addEventListener("selectionchange", function follow() {
    if (!form.isConnected) {
      document.removeEventListener("selectionchange", follow); // the page was left
      return;
    }
    const found = selectionIn(pre);
    if (!found) return; // a selection elsewhere (say, in the comment) keeps the chosen passage
    selected = found;
    preview.textContent = found.quote.exact;
    submit.disabled = false;
  });
  submitTo<Annotation>(form, "/api/annotations", () => ({
    documentId, version, quote: selected!.quote, position: selected!.position,
    tags: [...tags.querySelectorAll<HTMLInputElement>("input:checked")].map((box) => box.value),
    motivation: motivation.value, ...(comment.value.trim() ? { comment: comment.value } : {}),
  }), (created) => {
    const next = new URLSearchParams(query);
    next.set("annotation", created.annotationId);
    next.delete("version");
    const target = documentRoute(documentId, Object.fromEntries(next));
    if (location.hash === target) window.dispatchEvent(new HashChangeEvent("hashchange"));
    else location.hash = target;
  });
  return form;
}

/** The selectors of the current selection when it lies within {@code container}'s text. */
function selectionIn(container: HTMLElement): Selectors | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const from = before.toString().length;
  return selectorsFor(container.textContent ?? "", from, from + range.toString().length);
}
