// Annotating in the browser: carol adds a new version of the document the test added (pasting its text),
// selects a passage of it
// with the mouse, tags it and comments (with markup, which must stay text), sees it highlighted, asks a
// question in its debate, filters the annotations by tag, compares the document's two versions, and cites the annotation as evidence of a claim whose page then shows the
// highlighted passage.
//
//   node e2e/annotate.e2e.mjs <base URL> <screenshot dir> <model id>
import { accessibilityViolations, check, launch, loggedIn, scriptArguments, until } from "./support.mjs";

const { base, shots, modelId } = scriptArguments("annotate.e2e.mjs");
const TITLE = "E2E Model Licence";
const PASSAGE = "above 700 million monthly active users";
const COMMENT = "a cap on users <img src=x onerror=alert(1)>";
const ADDED_CLAUSE = "3. Derived models must keep \"E2E\" in their name.";
const browser = await launch();

try {
  const carol = await loggedIn(browser, base, "carol", "#/documents");
  const page = carol.page;
  // the licence changed upstream: carol pastes its new text, a clause longer, as version 2
  const listed = (await (await fetch(`${base}/api/documents`)).json()).find((d) => d.title === TITLE);
  const first = await (await fetch(`${base}/api/documents/${listed.documentId}/versions/1`)).json();
  await page.locator("form.add-document").waitFor();
  await page.fill("#document-url", listed.sourceUrl);
  await page.fill("#document-title", TITLE);
  await page.fill("#document-text", `${first.text}${ADDED_CLAUSE}\n`);
  await page.locator("form.add-document button[type=submit]").click();
  await until(async () => page.url().includes(`#/documents/${listed.documentId}`), "the document opens after adding");
  await until(async () => (await page.locator("p.version-meta").textContent()).startsWith("Version 2 of 2"),
    "the new text is version 2");
  const text = page.locator("#document-text");
  await text.waitFor();

  // a real drag over the passage: from just inside its first character to just inside its last
  // (the text in view first: the mouse works in the viewport's coordinates)
  await text.scrollIntoViewIfNeeded();
  const box = await page.evaluate((passage) => {
    const pre = document.getElementById("document-text");
    const node = [...pre.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.includes(passage));
    const at = node.data.indexOf(passage);
    const rect = (from, to) => {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return { first: rect(at, at + 1), last: rect(at + passage.length - 1, at + passage.length) };
  }, PASSAGE);
  await page.mouse.move(box.first.x + 1, box.first.y + box.first.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.last.x + box.last.width - 1, box.last.y + box.last.height / 2, { steps: 8 });
  await page.mouse.up();
  await until(async () => (await page.locator("#annotation-selection").textContent()) === PASSAGE,
    "the form shows the selected passage", 5000).catch(async (error) => {
    const selected = await page.evaluate(() => String(document.getSelection()));
    throw new Error(`${error.message}: the form shows "${await page.locator("#annotation-selection").textContent()}",`
      + ` the browser selected "${selected}"`);
  });

  await page.locator('input[name="annotation-tag"][value="user-type-threshold"]').check();
  await page.selectOption("#annotation-motivation", "assessing");
  await page.fill("#annotation-comment", COMMENT);
  await page.screenshot({ path: `${shots}/annotate.png`, fullPage: true });
  await page.locator("form.annotate button[type=submit]").click();

  const item = page.locator("ol.annotations li").first();
  await item.waitFor();
  const annotationId = await item.getAttribute("data-annotation");
  check(annotationId, "the new annotation is listed with its id");
  await until(async () => (await text.locator("mark").allTextContents()).join("|") === PASSAGE,
    "the passage is highlighted in the text, and nothing else");
  check((await item.locator("p.text").textContent()) === COMMENT, "the comment is shown as written");
  check(await page.locator("ol.annotations img").count() === 0, "markup in a comment stays text");
  check((await item.textContent()).includes("User-type threshold"), "the tag is named");
  const violations = await accessibilityViolations(page);
  check(violations.length === 0, `no WCAG A/AA violations on the document page: ${violations.join("; ")}`);
  await page.screenshot({ path: `${shots}/annotated.png`, fullPage: true });

  // the annotation's debate, in threads as a claim's
  await item.locator("details.debate-annotation > summary").click();
  await item.locator("form.argue").waitFor();
  await item.locator("form.argue select").selectOption("question");
  await item.locator("form.argue textarea").fill("Does a separate licence mean a fee?");
  await item.locator("form.argue button[type=submit]").click();
  await until(async () => (await item.locator("li.argument p.text").allTextContents())
    .includes("Does a separate licence mean a fee?"), "the argument shows in the annotation's debate");

  // the tag filter: another tag shows none, the annotation's own tag shows it again
  await page.selectOption("#annotation-tag-filter", "commercial-limit");
  await page.locator("form.tag-filter button[type=submit]").click();
  await page.locator("p.annotations-empty").waitFor();
  check(await text.locator("mark").count() === 0, "filtered out: no highlight either");
  await page.selectOption("#annotation-tag-filter", "user-type-threshold");
  await page.locator("form.tag-filter button[type=submit]").click();
  await until(async () => await page.locator("ol.annotations li").count() === 1, "the tag shows the annotation");

  // the two versions compared: the clause version 2 added is shown as added
  await page.selectOption("#diff-from", "1");
  await page.selectOption("#diff-to", "2");
  await page.locator("form.compare-picker button[type=submit]").click();
  await until(async () => (await page.locator(".document-diff ins").allTextContents())
    .some((line) => line.includes(ADDED_CLAUSE)), "the comparison shows the added clause");
  check(await page.locator(".document-diff del").count() === 0, "version 2 removed nothing");
  await page.screenshot({ path: `${shots}/document-diff.png`, fullPage: true });

  // cite it as the evidence of a claim: the claim page shows the passage highlighted, linked to the document
  await page.goto(`${base}/#/models/${encodeURIComponent(modelId)}`);
  await page.locator("form.propose").waitFor();
  await page.selectOption("#propose-component", "licence-terms");
  await page.selectOption("#propose-openness", "partial");
  await page.fill("#propose-licence", "llama3.1-community");
  await page.fill("#propose-annotation", annotationId);
  await page.fill("#propose-rationale", "The licence caps monthly active users.");
  await page.locator("form.propose button[type=submit]").click();
  await until(async () => page.url().includes("#/claims/"), "the new claim's page opens");
  const cited = page.locator(`blockquote.annotated[data-annotation="${annotationId}"]`);
  await cited.waitFor();
  await until(async () => (await cited.locator("mark").count()) === 1
    && (await cited.locator("mark").textContent()) === PASSAGE, "the evidence shows the highlighted passage");
  await cited.locator("a", { hasText: "in the document" }).click();
  await until(async () => page.url().includes(`annotation=${annotationId}`), "the link opens the annotation in its document");
  await page.locator(`li[data-annotation="${annotationId}"]`).waitFor();
  await carol.context.close();
  console.log(`annotated in the browser at ${base}: carol highlighted "${PASSAGE}" and cited it as evidence (${annotationId})`);
} finally {
  await browser.close();
}
