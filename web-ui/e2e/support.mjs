// What the browser scripts share: Debian's chromium through playwright-core, their arguments, and
// polling from Node (the pages' CSP forbids evaluating strings in them, as waitForFunction does).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

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
