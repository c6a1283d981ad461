// Browses the running platform in Debian's chromium (playwright-core): the matrix, a model page, a
// claim page, and the as-of slider moved back to before a model's later versions. Saves screenshots.
//
//   node e2e/browse.e2e.mjs <base URL> <screenshot dir> <model id>
// The model must have been imported with a weights class of closed at 2024-01-01 and open from 2025-01-01.
import { check, launch, scriptArguments, until } from "./support.mjs";

const { base, shots, modelId } = scriptArguments("browse.e2e.mjs");
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));

  await page.goto(`${base}/#/`);
  const row = page.locator(`tr[data-model="${modelId}"]`);
  await row.waitFor();
  const weights = row.locator('td[data-component="final-weights"]');
  check((await weights.textContent()).trim() === "open", "the matrix shows the model's weights open now");
  await page.screenshot({ path: `${shots}/matrix.png`, fullPage: false });

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
  await page.goto(`${base}/#/models/${encodeURIComponent(modelId)}`);
  await page.locator("h1").filter({ hasText: /AsOf|E2E/ }).waitFor();
  check(await page.locator("section.release").count() === 1, "the model page lists its release");
  await page.screenshot({ path: `${shots}/model.png`, fullPage: true });
  await page.locator("section.release a", { hasText: "claim" }).first().click();
  await page.locator("h2", { hasText: "Evidence" }).waitFor();
  await page.screenshot({ path: `${shots}/claim.png`, fullPage: true });

  // Recent changes with the audit head; and the matrix at phone width.
  await page.goto(`${base}/#/history`);
  await page.locator("code.head").waitFor();
  check(/^[0-9a-f]{64}$/.test((await page.locator("code.head").textContent()).trim()), "the audit head is shown");
  await page.screenshot({ path: `${shots}/history.png` });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${base}/#/`);
  await page.locator("tbody tr").first().waitFor();
  await page.screenshot({ path: `${shots}/matrix-360.png` });

  check(errors.length === 0, `no script errors in the page: ${errors.join("; ")}`);
  console.log(`browsed ${base}: matrix, as-of, model, claim, history; screenshots in ${shots}`);
} finally {
  await browser.close();
}
