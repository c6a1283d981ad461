// Browses the running platform in Debian's chromium (playwright-core) as a visitor: the matrix with
// 200+ models (paging, sorting, search), the as-of slider and the model page as of a past day, two
// assessment versions side by side, the filtered and paged history, keyboard use, layout stability,
// and axe-core's WCAG A/AA checks on every page. Saves screenshots.
//
//   node e2e/browse.e2e.mjs <base URL> <screenshot dir> <model id>
// The model must have been imported with a weights class of closed at 2024-01-01, partial at
// 2024-06-01 and open from 2025-01-01, beside at least 200 other models.
import { accessibilityViolations, check, launch, layoutShift, scriptArguments, until } from "./support.mjs";

const { base, shots, modelId } = scriptArguments("browse.e2e.mjs");
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));

  // The audit itself works: on a page with an unlabelled image it reports the missing text.
  const probe = await browser.newPage();
  await probe.setContent('<html lang="en"><title>probe</title><main><img src="data:,"></main></html>');
  check((await accessibilityViolations(probe)).some((v) => v.startsWith("image-alt")), "axe-core reports a known violation");
  // ... and the layout-shift measure sees content pushed down by something inserted above it.
  await probe.setContent('<html lang="en"><title>probe</title><main><p>first</p><p>pushed down</p></main></html>');
  await probe.waitForTimeout(300);
  await probe.evaluate(() => {
    const block = document.createElement("div");
    block.style.height = "300px";
    document.querySelector("main").prepend(block);
  });
  await probe.waitForTimeout(300);
  const probeShift = await layoutShift(probe);
  check(probeShift > 0, `the layout-shift measure sees a shift (${probeShift})`);
  await probe.close();

  const violations = [];
  const audit = async (name) => {
    for (const violation of await accessibilityViolations(page)) violations.push(`${name}: ${violation}`);
  };

  await page.goto(`${base}/#/`);
  const row = page.locator(`tr[data-model="${modelId}"]`);
  await row.waitFor();
  const weights = row.locator('td[data-component="final-weights"]');
  check((await weights.textContent()).trim() === "open", "the matrix shows the model's weights open now");
  await page.screenshot({ path: `${shots}/matrix.png`, fullPage: false });
  const shift = await layoutShift(page);
  check(shift <= 0.1, `the matrix does not shift while it loads (cumulative layout shift ${shift})`);
  await audit("matrix");

  // 200+ models: pages of 50, the pager moves, sorting by the OSAI score puts the highest first.
  const status = page.locator("p.status").first();
  const total = Number(/ of (\d+) releases/.exec(await status.textContent())[1]);
  check(total > 200, `the matrix lists more than 200 releases (${total})`);
  check(await page.locator("tbody tr").count() === 50, "a page shows 50 releases");
  await page.locator("nav.pager button", { hasText: "Next" }).click();
  await until(async () => (await status.textContent()).includes("page 2 of"), "the pager shows page 2");
  await page.getByRole("button", { name: "OSAI", exact: true }).click();
  await until(async () => (await status.textContent()).includes("page 1 of"), "sorting returns to page 1");
  const osai = (await page.locator("tbody tr td.score:nth-of-type(1)").allTextContents())
    .map((text) => (text === "—" ? -1 : parseInt(text, 10)));
  check(osai.every((value, i) => i === 0 || osai[i - 1] >= value), `OSAI scores sorted highest first: ${osai}`);

  // Organisation and type filters (the fixture: model n by "Scale Lab <n mod 7>", a code model when 5 divides n).
  const scale = Array.from({ length: total - 1 }, (_, i) => i + 1);
  await page.selectOption("#matrix-type", "code");
  const code = scale.filter((n) => n % 5 === 0).length;
  await until(async () => (await status.textContent()).startsWith(`${code} of ${total} releases`), `${code} code models`);
  await page.selectOption("#matrix-producer", "Scale Lab 3");
  const both = scale.filter((n) => n % 5 === 0 && n % 7 === 3).length;
  await until(async () => (await status.textContent()).startsWith(`${both} of ${total} releases`),
    `${both} code models of Scale Lab 3`);
  check((await page.locator("tbody tr").count()) === both, "the table shows just those");
  await page.screenshot({ path: `${shots}/matrix-filtered.png` });
  await page.selectOption("#matrix-type", "");
  await page.selectOption("#matrix-producer", "");
  await until(async () => (await status.textContent()).startsWith(`${total} of ${total}`), "filters cleared");

  // Keyboard: the first Tab reaches the skip link, which moves focus to the content; sort buttons work with Enter.
  await page.reload();
  await row.waitFor();
  await page.keyboard.press("Tab");
  check(await page.evaluate(() => document.activeElement?.textContent) === "Skip to content", "Tab reaches the skip link");
  await page.keyboard.press("Enter");
  check(await page.evaluate(() => document.activeElement?.id) === "main", "the skip link moves focus to the content");
  const mofSort = page.locator("thead button.sort", { hasText: "MOF" });
  await mofSort.focus();
  await page.keyboard.press("Enter");
  await until(async () => (await mofSort.getAttribute("aria-pressed")) === "true", "Enter on a sort button sorts");

  // Search narrows the matrix to the model.
  await page.fill("#matrix-search", modelId);
  await until(async () => {
    const models = await page.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-model")));
    return models.length >= 1 && models.every((id) => id === modelId);
  }, "the search keeps only the model's rows", 15000);

  // The as-of slider, moved back to mid-2024, redraws the matrix as it stood then.
  const slider = page.locator("#as-of");
  const max = Number(await slider.getAttribute("max"));
  const first = Date.parse("2023-01-01T00:00:00Z");
  const target = Date.parse("2024-03-01T00:00:00Z");
  const position = Math.round(((target - first) / (Date.now() - first)) * max);
  await slider.evaluate((input, value) => {
    input.value = String(value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, position);
  await until(async () => (await weights.textContent()).trim() === "closed",
    "the matrix as of 2024-03 shows the weights closed", 15000);
  check((await page.locator("#as-of-value").textContent()).startsWith("2024-0"), "the slider shows the date");
  await page.screenshot({ path: `${shots}/matrix-as-of-2024.png` });

  // The model page, and from it a claim page.
  const modelPage = `${base}/#/models/${encodeURIComponent(modelId)}`;
  await page.goto(modelPage);
  await page.locator("h1").filter({ hasText: /AsOf|E2E/ }).waitFor();
  check(await page.locator("section.release").count() === 1, "the model page lists its release");
  const modelWeights = page.locator("table.components tr", { hasText: "final-weights" }).locator("td.cell");
  check((await modelWeights.textContent()).trim() === "open", "the model page shows the weights open now");
  await page.locator("ol.timeline li").first().waitFor();
  await page.screenshot({ path: `${shots}/model.png`, fullPage: true });
  await audit("model");
  check((await page.title()).startsWith("E2E Model"), "the title names the page");
  check(await page.locator("button", { hasText: "Log in to propose a claim" }).count() === 1, "now: proposals invited");

  // The model page as of a past day, chosen with its date field.
  await page.fill("#model-as-of", "2024-03-01");
  await page.locator("form.as-of button[type=submit]").click();
  await page.locator("p.as-of-notice").waitFor();
  await until(async () => (await modelWeights.textContent()).trim() === "closed",
    "the model page as of 2024-03-01 shows the weights closed");
  check(await page.locator("button", { hasText: "Log in to propose a claim" }).count() === 0, "no proposals in the past");
  const times = () => page.locator("ol.timeline time").evaluateAll((items) => items.map((t) => t.getAttribute("datetime")));
  await until(async () => (await times()).length > 0, "the history as of the day is listed");
  check((await times()).every((at) => at < "2024-03-02"), `the history ends at the day shown: ${await times()}`);
  await page.screenshot({ path: `${shots}/model-as-of-2024.png`, fullPage: true });
  await page.locator("form.as-of a", { hasText: "Back to now" }).click();
  await until(async () => (await modelWeights.textContent()).trim() === "open", "back to now");

  // Two assessment versions side by side: the first and the latest.
  await page.locator("section.release a", { hasText: "compare versions" }).click();
  await page.locator("table.compare").first().waitFor();
  await page.selectOption("#compare-from", "1");
  await page.locator("#compare-to option").last().waitFor({ state: "attached" });
  const latest = await page.locator("#compare-to option").last().getAttribute("value");
  await page.selectOption("#compare-to", latest);
  await page.locator("form.compare-picker button[type=submit]").click();
  const weightsRow = page.locator('table.compare tr[data-component="final-weights"]');
  await page.locator("caption", { hasText: `Version 1 beside version ${latest}` }).first().waitFor();
  check(await page.evaluate(() => document.activeElement?.tagName) === "H1", "navigation moves focus to the heading");
  const sides = await weightsRow.locator("td").allTextContents();
  check(sides[0].startsWith("closed") && sides[1].startsWith("open") && /^openness\b.* changed/.test(sides[2]),
    `the weights row shows closed beside open and what changed: ${sides}`);
  check((await weightsRow.getAttribute("class")) === "changed", "the changed row is marked");
  await page.screenshot({ path: `${shots}/versions.png`, fullPage: true });
  await audit("versions");

  await page.goto(modelPage);
  await page.locator("section.release a", { hasText: "claim" }).first().click();
  await page.locator("h2", { hasText: "Evidence" }).waitFor();
  await page.screenshot({ path: `${shots}/claim.png`, fullPage: true });
  await audit("claim");

  // Recent changes with the audit head, filtered by kind and paged with "Show more".
  await page.goto(`${base}/#/history`);
  await page.locator("code.head").waitFor();
  check(/^[0-9a-f]{64}$/.test((await page.locator("code.head").textContent()).trim()), "the audit head is shown");
  await page.locator("ol.timeline li").first().waitFor();
  await page.selectOption("#history-kind", "ModelFamilyRegistered");
  await page.locator("form.timeline-filters button[type=submit]").click();
  const kinds = async () => page.locator("ol.timeline li").evaluateAll((items) => items.map((i) => i.dataset.kind));
  await until(async () => { const k = await kinds(); return k.length === 50 && k.every((x) => x === "ModelFamilyRegistered"); },
    "the history shows 50 registrations");
  await page.locator("button.more").click();
  await until(async () => (await kinds()).length === 100, "Show more adds the next 50");
  await page.fill("#history-from", "2999-01-01");
  await page.locator("form.timeline-filters button[type=submit]").click();
  await until(async () => (await kinds()).length === 0 && (await page.locator("button.more").isHidden()),
    "nothing happened after 2999");
  await page.fill("#history-from", "");
  await page.selectOption("#history-kind", "");
  await page.locator("form.timeline-filters button[type=submit]").click();
  await until(async () => (await kinds()).length === 50, "the unfiltered history again");
  await page.screenshot({ path: `${shots}/history.png` });
  await audit("history");
  // The app is one document since the reload above: its layout-shift record covers every page shown since.
  const sessionShift = await layoutShift(page);
  check(sessionShift <= 0.1, `pages do not shift while they load (cumulative layout shift ${sessionShift})`);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${base}/#/`);
  await page.locator("tbody tr").first().waitFor();
  await page.screenshot({ path: `${shots}/matrix-360.png` });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `at 360 px the page itself does not scroll sideways (the matrix scrolls in its frame): ${overflow}`);
  await page.goto(modelPage);
  await page.locator("section.release").waitFor();
  await page.screenshot({ path: `${shots}/model-360.png`, fullPage: true });

  check(violations.length === 0, `axe-core finds no WCAG A/AA violations:\n${violations.join("\n")}`);
  check(errors.length === 0, `no script errors in the page: ${errors.join("; ")}`);
  console.log(`browsed ${base}: matrix of ${total} releases, as-of, model, versions, claim, history, keyboard, `
    + `layout shift ${shift.toFixed(3)} / ${sessionShift.toFixed(3)}, no WCAG A/AA violations; screenshots in ${shots}`);
} finally {
  await browser.close();
}
