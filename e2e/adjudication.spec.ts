import { expect, test, type Browser, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { signIn } from "./sign-in";
import { runCyclesToCompletion } from "./simulated-run";

// Disagreements and per-person progress, on a real cycle (the demo's STAR dataset, answered by the
// simulator, checked by the real verifier). Three annotators, made by the admin, work a queue with
// overlap 2 through the API: Ana and Bo disagree on the first item (correct against hallucinated,
// with a span) and agree on the second; Cy takes the third and holds it. A researcher records the
// final verdict from the Disagreements page, sees it counted on the metrics page and in the CSV,
// and moves Cy's item to Ana from the queue page, then releases it to the pool.

const PASSWORD = "e2e-annotator-password";
let origin: string;
let queueId: number;
let people: Record<"ana" | "bo" | "cy", { id: string; email: string; name: string }>;

async function asUser(browser: Browser, email: string, password?: string): Promise<Page> {
  const page = await browser.newPage();
  await signIn(page, email, password);
  return page;
}

/** Takes the next item and submits a verdict (with spans) for it, as the item screen does; the item's id. */
async function auditNext(page: Page, verdict: string, spans: { start: number; end: number }[] = []): Promise<number> {
  const next = await page.request.post(`/api/review/queues/${queueId}/next`, { headers: { origin } });
  expect(next.status()).toBe(200);
  const { claim } = (await next.json()) as { claim: { itemId: number } | null };
  expect(claim).not.toBeNull();
  const saved = await page.request.put(`/api/review/queues/${queueId}/items/${claim!.itemId}/audit`, {
    headers: { origin },
    data: { baseVersion: null, verdict, hallucinatedSpans: spans, submit: true },
  });
  expect(saved.status()).toBe(200);
  return claim!.itemId;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  const run = await runCyclesToCompletion({
    name: "STAR adjudication e2e run (simulator)",
    datasets: [{ dataset: "STAR (demo)", sampleSize: null, splits: ["train"] }],
    evaluation: { enabled: false },
    backends: { inference: "simulator", training: "simulator-ray" },
    stopRule: { maxCycles: 1 },
    execution: { batchSize: 50, tickSeconds: 1 },
  });
  expect(run.cycles.map((cycle) => cycle.status)).toEqual(["DONE"]);

  const admin = await asUser(browser, "admin@demo.local");
  origin = new URL(admin.url()).origin;
  const made: Partial<typeof people> = {};
  for (const tag of ["ana", "bo", "cy"] as const) {
    const email = `adjudication-${tag}-${Date.now()}@e2e.local`;
    const name = `Adjudication ${tag}`;
    const response = await admin.request.post("/api/admin/users", {
      headers: { origin },
      data: { email, name, role: "ANNOTATOR", password: PASSWORD },
    });
    expect(response.status()).toBe(201);
    made[tag] = { id: ((await response.json()) as { id: string }).id, email, name };
  }
  people = made as typeof people;
  await admin.close();

  const researcher = await asUser(browser, "researcher@demo.local");
  const created = await researcher.request.post("/api/review/queues", {
    headers: { origin },
    data: {
      name: `Adjudication e2e (run ${run.runId})`,
      cycleId: run.cycles[0]!.id,
      size: 3,
      overlap: 2,
      seed: 11,
      assignees: [people.ana.id, people.bo.id, people.cy.id],
    },
  });
  expect(created.status()).toBe(201);
  queueId = ((await created.json()) as { id: number }).id;
  await researcher.close();

  const [ana, bo, cy] = await Promise.all([
    asUser(browser, people.ana.email, PASSWORD),
    asUser(browser, people.bo.email, PASSWORD),
    asUser(browser, people.cy.email, PASSWORD),
  ]);
  const first = await auditNext(ana, "CORRECT");
  const second = await auditNext(ana, "CORRECT");
  expect(await auditNext(bo, "HALLUCINATED", [{ start: 0, end: 12 }])).toBe(first);
  expect(await auditNext(bo, "CORRECT")).toBe(second);
  // Cy takes the third item and keeps it.
  const held = await cy.request.post(`/api/review/queues/${queueId}/next`, { headers: { origin } });
  expect(((await held.json()) as { claim: { itemId: number } | null }).claim).not.toBeNull();

  // An annotator may neither open the page nor record a final verdict.
  expect((await ana.goto(`/review/${queueId}/adjudicate`))?.status()).toBe(403);
  const refused = await ana.request.put(`/api/review/queues/${queueId}/items/${first}/adjudication`, {
    headers: { origin },
    data: { verdict: "CORRECT", note: "mine" },
  });
  expect(refused.status()).toBe(403);
  await Promise.all([ana.close(), bo.close(), cy.close()]);
});

test("a researcher records the final verdict where raters disagree; metrics and the audit export use it", async ({ page, browser }) => {
  await signIn(page, "researcher@demo.local");
  await page.goto(`/review/${queueId}`);
  await page.getByRole("main").getByRole("link", { name: "Disagreements" }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${queueId}/adjudicate$`));
  await expect(page.getByTestId("adjudication-counts")).toHaveText("1 open · 0 adjudicated");

  // Only the first item: the raters agreed on the second.
  const card = page.getByTestId("disagreement");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("verdicts differ");
  await expect(card).toContainText("spans differ");
  const raters = card.getByTestId("rater-judgement");
  await expect(raters).toHaveCount(2);
  await expect(raters.filter({ hasText: people.ana.name })).toContainText("Correct");
  await expect(raters.filter({ hasText: people.bo.name })).toContainText("Hallucinated");
  const answer = (await card.getByTestId("disagreement-answer").textContent()) ?? "";
  await expect(raters.filter({ hasText: people.bo.name })).toContainText(answer.slice(0, 12).trim());

  await card.getByRole("radio", { name: "Correct", exact: true }).check();
  await card.getByRole("textbox", { name: "Note" }).fill("The opening matches the clip");
  await card.getByRole("button", { name: "Record final verdict" }).click();
  await expect(card.getByTestId("adjudication-state")).toHaveText("Final: Correct");
  await expect(card.getByTestId("adjudicated-by")).toContainText("Rui Researcher");
  await expect(page.getByTestId("adjudication-counts")).toHaveText("0 open · 1 adjudicated");

  // The metrics say how many items were adjudicated, and the rate uses the final verdict:
  // without it the tie on the first item would count as hallucinated.
  await page.goto(`/review/${queueId}/metrics`);
  await expect(page.getByTestId("metric-adjudicated")).toHaveText("1 adjudicated");
  await expect(page.getByTestId("metric-hallucination")).toHaveText("0.0 %");

  // The audit export carries the adjudication beside each rater's verdict and says which is final.
  await page.goto(`/review/${queueId}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
  const stream = await download.createReadStream();
  let csv = "";
  for await (const chunk of stream) csv += String(chunk);
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  const adjudicated = rows.filter((row) => row.final_verdict_from === "adjudication");
  expect(adjudicated.map((row) => row.rater_email).sort()).toEqual([people.ana.email, people.bo.email].sort());
  for (const row of adjudicated) {
    expect(row).toMatchObject({
      adjudicated_verdict: "CORRECT",
      adjudication_note: "The opening matches the clip",
      adjudicated_by_name: "Rui Researcher",
      final_verdict: "CORRECT",
    });
  }
  expect(rows.filter((row) => row.final_verdict_from === "rater").every((row) => row.adjudicated_verdict === "")).toBe(true);

  // A PI finds the queue from the menu's Disagreements, and sees the final verdict too.
  const pi = await asUser(browser, "pi@demo.local");
  await pi.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Disagreements" }).click();
  const listed = pi.getByTestId("adjudication-queue").filter({ has: pi.getByRole("link", { name: /^Adjudication e2e \(run / }) });
  await expect(listed).toHaveCount(1);
  // Rated by two or more: the two items Ana and Bo both submitted; adjudicated: the one just settled.
  await expect(listed.getByRole("cell").nth(4)).toHaveText("2");
  await expect(listed.getByRole("cell").nth(5)).toHaveText("1");
  await listed.getByRole("link").click();
  await expect(pi).toHaveURL(new RegExp(`/review/${queueId}/adjudicate$`));
  await expect(pi.getByTestId("disagreement").getByTestId("adjudication-state")).toHaveText("Final: Correct");
  await pi.close();
});

test("per-person progress on the queue page; a researcher reassigns someone's leased item, then releases it", async ({ page }) => {
  await signIn(page, "researcher@demo.local");
  await page.goto(`/review/${queueId}`);
  const row = (who: keyof typeof people) => page.locator(`[data-testid="member-progress"][data-user-id="${people[who].id}"]`);
  await expect(row("ana").getByTestId("member-done")).toHaveText("2");
  // Three items × overlap 2 among three members: a share of 2 each.
  await expect(row("ana").getByTestId("member-remaining")).toHaveText("0");
  await expect(row("ana").getByTestId("member-pace")).toHaveText(/\/h$/);
  await expect(row("cy").getByTestId("member-done")).toHaveText("0");
  await expect(row("cy").getByTestId("member-in-hand")).toHaveText("1");
  await expect(row("cy").getByTestId("member-remaining")).toHaveText("2");
  await expect(row("cy").getByTestId("member-pace")).toHaveText("—");

  await row("cy").getByRole("combobox").selectOption({ label: people.ana.name });
  await row("cy").getByRole("button", { name: "Reassign" }).click();
  await expect(row("cy").getByRole("status")).toHaveText("1 reassigned, 0 released");
  await expect(row("cy").getByTestId("member-in-hand")).toHaveText("0");
  await expect(row("ana").getByTestId("member-in-hand")).toHaveText("1");

  await row("ana").getByRole("button", { name: "Release" }).click();
  await expect(row("ana").getByRole("status")).toHaveText("0 reassigned, 1 released");
  await expect(row("ana").getByTestId("member-in-hand")).toHaveText("0");
});
