// The core loop in the browser, through the real Keycloak login page: alice proposes a claim on a
// model page; bob, carol and dave log in and agree; the claim is accepted and the matrix cell shows it.
//
//   node e2e/review.e2e.mjs <base URL> <screenshot dir> <model id>
import { launch, loggedIn as login, scriptArguments, until } from "./support.mjs";

const { base, shots, modelId } = scriptArguments("review.e2e.mjs");
const browser = await launch();

const loggedIn = (user) => login(browser, base, user, `#/models/${encodeURIComponent(modelId)}`);

try {
  const alice = await loggedIn("alice");
  await until(async () => alice.page.url().includes(`#/models/${modelId}`), "back on the model page after login");
  await alice.page.locator("form.propose").waitFor();
  await alice.page.selectOption("#propose-component", "model-card");
  await alice.page.selectOption("#propose-openness", "open");
  await alice.page.fill("#propose-licence", "CC-BY-4.0");
  await alice.page.fill("#propose-url", "https://example.org/e2e/model-card");
  await alice.page.fill("#propose-rationale", "The model card is published under CC-BY-4.0 <b>really</b>.");
  await alice.page.screenshot({ path: `${shots}/propose.png`, fullPage: true });
  await alice.page.locator("form.propose button[type=submit]").click();
  await until(async () => alice.page.url().includes("#/claims/"), "the new claim's page opens");
  const claimUrl = alice.page.url();
  await alice.page.locator("p.status").waitFor();
  if (!(await alice.page.locator("p.status").textContent()).includes("proposed")) throw new Error("the claim is proposed");
  // the author may not review her own claim: no review form
  if (await alice.page.locator("form.review").count() !== 0) throw new Error("no review form for the author");
  await alice.context.close();

  for (const reviewer of ["bob", "carol", "dave"]) {
    const { context, page } = await loggedIn(reviewer);
    await page.goto(claimUrl);
    await page.locator("form.review").waitFor();
    await page.selectOption("#review-verdict", "agree");
    await page.locator("form.review button[type=submit]").click();
    await until(async () => (await page.locator("ul.reviews li").allTextContents())
      .some((text) => text.startsWith("agree")) && (await page.locator("form.review button[type=submit]").isEnabled()),
      `${reviewer}'s review is listed`);
    // reviews show people's display names (kept apart from the log), not their subject ids
    await until(async () => (await page.locator("ul.reviews").textContent()).includes(reviewer),
      `${reviewer}'s name is shown with the review`);
    if (reviewer === "dave") {
      await until(async () => (await page.locator("p.status").textContent()).includes("accepted"),
        "three agreeing reviews accept the claim");
      await page.screenshot({ path: `${shots}/claim-accepted.png`, fullPage: true });
    }
    await context.close();
  }

  const visitor = await browser.newPage();
  await visitor.goto(`${base}/#/`);
  const cell = visitor.locator(`tr[data-model="${modelId}"] td[data-component="model-card"]`);
  await cell.waitFor();
  await until(async () => (await cell.textContent()).trim() === "open", "the matrix cell shows the accepted claim");
  // bob disputes the accepted claim; mia takes the dispute from the moderation queue and overturns it
  const bob = await loggedIn("bob");
  await bob.page.goto(claimUrl);
  await bob.page.locator("form.dispute").waitFor();
  await bob.page.fill("#dispute-reason", "The card's page says all rights reserved.");
  await bob.page.fill("#dispute-url", "https://example.org/e2e/model-card-terms");
  await bob.page.locator("form.dispute button[type=submit]").click();
  await until(async () => (await bob.page.locator("p.status").textContent()).includes("under dispute"),
    "the claim shows it is under dispute");
  await bob.context.close();

  const mia = await loggedIn("mia");
  await mia.page.goto(`${base}/#/moderation`);
  const item = mia.page.locator('li[data-kind="dispute"]').first();
  await item.waitFor();
  await item.locator("form.take button").click();
  await mia.page.locator("form.resolve").first().waitFor();
  await mia.page.locator("form.resolve select").first().selectOption("overturn");
  await mia.page.locator("form.resolve textarea").first().fill("The linked terms reserve all rights.");
  await mia.page.screenshot({ path: `${shots}/moderation.png`, fullPage: true });
  await mia.page.locator("form.resolve button[type=submit]").first().click();
  await mia.page.goto(claimUrl);
  await until(async () => {
    await mia.page.reload();
    const status = mia.page.locator("p.status");
    await status.waitFor();
    return (await status.textContent()).includes("rejected");
  }, "the overturned claim is rejected");
  await mia.context.close();
  await visitor.goto(`${base}/#/models/${encodeURIComponent(modelId)}`);
  await visitor.goto(`${base}/#/`);
  await until(async () => (await cell.textContent()).trim() !== "open", "the matrix no longer counts the claim");
  console.log(`reviewed in the browser at ${base}: alice proposed, bob, carol and dave agreed, the matrix shows it;`
    + " bob disputed, mia overturned it");
} finally {
  await browser.close();
}
