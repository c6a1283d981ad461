// The debate and moderation in the browser, after review.e2e.mjs (alice's model-card claim was
// disputed by bob and overturned by mia): carol argues against it with script-bearing text, bob
// replies, dave flags carol's argument, alice appeals mia's decision, paul answers as the model's
// producer; noah hides the flagged argument from the queue, takes the appeal and upholds the
// disputed status for good (the claim is accepted again), then protects the model and lifts the
// protection. A visitor sees the result.
//
//   node e2e/debate.e2e.mjs <base URL> <screenshot dir> <model id>
import { accessibilityViolations, check, launch, loggedIn, scriptArguments, until } from "./support.mjs";

const { base, shots, modelId } = scriptArguments("debate.e2e.mjs");
const browser = await launch();
const modelPath = `#/models/${encodeURIComponent(modelId)}`;
const hostile = "Not open: <img src=x onerror=alert(1)> the card's page reserves all rights.";

try {
  // alice's claim, found from the model page
  const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  visitor.on("pageerror", (error) => errors.push(error.message));
  await visitor.goto(`${base}/${modelPath}`);
  await visitor.locator("ul.claims a", { hasText: "model-card: open" }).first().click();
  await visitor.locator("h2", { hasText: "Evidence" }).waitFor();
  const claimUrl = visitor.url();
  check(claimUrl.includes("#/claims/"), "the claim page opened");

  const carol = await loggedIn(browser, base, "carol", claimUrl.slice(claimUrl.indexOf("#")));
  await carol.page.locator("form.argue").first().waitFor();
  await carol.page.selectOption("#argue-stance", "con");
  await carol.page.fill("#argue-text", hostile);
  await carol.page.fill("#argue-url", "https://example.org/e2e/terms");
  await carol.page.locator("form.argue button[type=submit]").last().click();
  const carolsArgument = carol.page.locator("li.argument.con").first();
  await until(async () => (await carolsArgument.count()) === 1, "carol's argument is listed");
  check((await carolsArgument.locator("p.text").textContent()) === hostile, "the argument's text is shown as text");
  check(await carolsArgument.locator("img").count() === 0, "no markup from the text reached the page");
  const argumentId = await carolsArgument.getAttribute("data-argument");
  await carol.context.close();

  const bob = await loggedIn(browser, base, "bob", claimUrl.slice(claimUrl.indexOf("#")));
  const target = bob.page.locator(`li.argument[data-argument="${argumentId}"]`);
  await target.locator("details.reply summary").click();
  await bob.page.selectOption(`#reply-${argumentId}-stance`, "pro");
  await bob.page.fill(`#reply-${argumentId}-text`, "The card itself says CC-BY-4.0; the page footer is boilerplate.");
  await target.locator("form.reply-form button[type=submit]").click();
  await until(async () => (await bob.page.locator(`li.argument[data-argument="${argumentId}"] ol.replies li.argument.pro`)
    .count()) === 1, "bob's reply sits under carol's argument");
  await bob.context.close();

  const dave = await loggedIn(browser, base, "dave", claimUrl.slice(claimUrl.indexOf("#")));
  const flagged = dave.page.locator(`li.argument[data-argument="${argumentId}"]`);
  await flagged.locator("details.flag summary").first().click();
  await dave.page.selectOption(`#flag-${argumentId}-reason`, "abuse");
  await dave.page.fill(`#flag-${argumentId}-text`, "Shouting markup at people.");
  await flagged.locator("form.flag-form button[type=submit]").first().click();
  await until(async () => ((await flagged.locator("p.sent").first().textContent()) ?? "").includes("Flag sent"),
    "dave's flag is acknowledged");
  await dave.context.close();

  // alice, the claim's author, appeals mia's overturn while the window is open
  const alice = await loggedIn(browser, base, "alice", claimUrl.slice(claimUrl.indexOf("#")));
  await alice.page.locator("form.appeal").waitFor();
  await alice.page.locator("form.appeal textarea").fill("The card is CC-BY-4.0; the footer is a site-wide default.");
  await alice.page.locator("form.appeal button[type=submit]").click();
  await until(async () => ((await alice.page.locator("li.dispute").first().textContent()) ?? "").includes("Appealed by alice"),
    "the appeal is shown");
  await alice.context.close();

  // paul speaks for Example Lab, the model's producer
  const paul = await loggedIn(browser, base, "paul", claimUrl.slice(claimUrl.indexOf("#")));
  await paul.page.locator("form.producer-response-form").waitFor();
  await paul.page.fill("#producer-text", "We publish the model card under CC-BY-4.0.");
  await paul.page.locator("form.producer-response-form button[type=submit]").click();
  await paul.page.locator("section.producer-response").waitFor();
  check((await paul.page.locator("section.producer-response h2").textContent()).includes("Example Lab"),
    "the response is marked as the producer's");
  await paul.context.close();

  // noah works the queue: hides the flagged argument, takes the appeal (mia decided first) and decides it
  const noah = await loggedIn(browser, base, "noah", "#/moderation");
  const flagItem = noah.page.locator('ul.queue.flags li[data-kind="flag"]').first();
  await flagItem.waitFor();
  check((await flagItem.textContent()).includes("abuse"), "the flag's reason is in the queue");
  check((await flagItem.locator("blockquote.flagged-text").textContent()) === hostile, "the flagged text is shown to judge");
  await noah.page.screenshot({ path: `${shots}/moderation-flags.png`, fullPage: true });
  for (const violation of await accessibilityViolations(noah.page)) errors.push(`moderation: ${violation}`);
  await noah.page.fill(`#queue-hide-${argumentId}-reason`, "Abusive tone");
  await noah.page.locator(`form.queue-hide-${argumentId} button[type=submit]`).click();
  await until(async () => (await noah.page.locator(`ul.queue.flags li[data-id$="${argumentId}"]`).count()) === 0,
    "the flag left the queue");
  const appeal = noah.page.locator('ul.queue.disputes li[data-state="appealed"]').first();
  await appeal.locator("form.take button").click();
  const resolve = noah.page.locator("form.resolve").first();
  await until(async () => (await resolve.count()) === 1, "noah owns the appeal", 20000).catch(async (error) => {
    throw new Error(`${error.message}: ${await noah.page.locator("main").textContent()}`);
  });
  await resolve.locator("select").selectOption("uphold");
  // uphold on appeal: the status that bob disputed (accepted) stands after all
  await resolve.locator("textarea").fill("The card's own licence governs; the footer is boilerplate. Accepted stands.");
  await resolve.locator("button[type=submit]").click();
  await until(async () => (await noah.page.locator("form.resolve").count()) === 0, "the appeal is decided");

  await noah.page.goto(`${base}/${claimUrl.slice(claimUrl.indexOf("#"))}`);
  // the argument's own paragraphs, not its replies'
  const own = (part) => `li.argument[data-argument="${argumentId}"] > ${part}`;
  await noah.page.locator(own("p.notice")).waitFor();
  check((await noah.page.locator(own("p.notice")).textContent()).includes("Abusive tone"), "moderators see why it is hidden");
  check((await noah.page.locator(own("p.text")).textContent()) === hostile, "moderators still read the hidden text");

  await noah.page.goto(`${base}/${modelPath}`);
  await noah.page.fill("#protection-reason", "Edit war over the model card");
  await noah.page.locator("form.protection-form button[type=submit]").click();
  await noah.page.locator("p.protection").waitFor();
  await noah.page.screenshot({ path: `${shots}/model-protected.png`, fullPage: true });
  await noah.page.fill("#protection-reason", "Calm again");
  await noah.page.locator("form.protection-form button[type=submit]").click();
  await until(async () => (await noah.page.locator("p.protection").count()) === 0, "the protection is lifted");
  await noah.context.close();

  // what a visitor sees now
  await visitor.goto(`${base}/${modelPath}`);
  await visitor.goto(claimUrl);
  const placeholder = visitor.locator(own("p.text"));
  await placeholder.waitFor();
  check((await placeholder.textContent()) === "Hidden by a moderator.", "the public sees a placeholder, not the text");
  check(!(await visitor.content()).includes("reserves all rights"), "the hidden text is not in the public page");
  check(await visitor.locator(`li.argument[data-argument="${argumentId}"] ol.replies li.argument.pro`).count() === 1,
    "bob's reply stays in the thread");
  const decisions = await visitor.locator("li.dispute ul.decisions li").allTextContents();
  check(decisions.length === 2 && decisions[1].startsWith("On appeal: uphold") && decisions[1].includes("(final)"),
    `the dispute shows the first decision and the final one: ${decisions}`);
  check((await visitor.locator("section.producer-response").textContent()).includes("CC-BY-4.0"),
    "the producer's response is public");
  check((await visitor.locator("p.status").textContent()).includes("accepted"), "upheld on appeal: accepted again");
  await visitor.screenshot({ path: `${shots}/claim-debate.png`, fullPage: true });
  for (const violation of await accessibilityViolations(visitor)) errors.push(`claim: ${violation}`);
  check(errors.length === 0, `no script errors or WCAG A/AA violations:\n${errors.join("\n")}`);
  console.log(`debated in the browser at ${base}: argument, reply, flag, appeal, producer response;`
    + " noah hid the argument, decided the appeal, protected and released the model");
} finally {
  await browser.close();
}
