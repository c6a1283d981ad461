// What the browser scripts share: Debian's chromium through playwright-core, their arguments, and
// polling from Node (the pages' CSP forbids evaluating strings in them, as waitForFunction does).
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";

/** <base URL> <screenshot dir> <model id> from the command line (exit 2 with usage when missing). */
export function scriptArguments(script) {
  const [base, shots, modelId] = process.argv.slice(2);
  if (!base || !shots || !modelId) {
    console.error(`usage: node e2e/${script} <base URL> <screenshot dir> <model id>`);
    process.exit(2);
  }
  mkdirSync(shots, { recursive: true });
  return { base, shots, modelId };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/**
 * A fresh browser context logged in as {@code user} (password "<user>-pass", the dev realm's)
 * through Keycloak's own login page, started from {@code path} of the app at {@code base}.
 */
export async function loggedIn(browser, base, user, path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/${path}`);
  await page.locator("#login").click();
  await page.locator("#username").waitFor();
  await page.fill("#username", user);
  await page.fill("#password", `${user}-pass`);
  await page.locator("#kc-login").click();
  await page.locator("#who").waitFor();
  if (!(await page.locator("#who").textContent()).startsWith(user)) throw new Error(`logged in as ${user}`);
  return { context, page };
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Polls until {@code test} holds, or fails naming what was awaited. */
export async function until(test, message, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const axeSource = readFileSync(new URL("../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

/**
 * The WCAG 2 A/AA violations axe-core finds on what {@code page} shows now (contrast, labels,
 * names, structure), each as "rule: target …". axe is evaluated through the debugging protocol,
 * not as a page script, so the app's CSP stays as it is.
 */
export async function accessibilityViolations(page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => (await globalThis.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  })).violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`));
  return violations;
}

/**
 * The page's cumulative layout shift so far (the sum of shift scores not caused by input), as
 * chromium's layout-instability API reports it; 0.1 or less is what web.dev calls good.
 */
export async function layoutShift(page) {
  return page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => resolve(list.getEntries()
      .filter((entry) => !entry.hadRecentInput).reduce((sum, entry) => sum + entry.value, 0)))
      .observe({ type: "layout-shift", buffered: true });
    setTimeout(() => resolve(0), 1000); // no entry at all: nothing shifted
  }));
}
