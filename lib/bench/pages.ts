// npm run bench:pages -- [GENERATIONS=10000000] [--runs=8]   (BENCH_WEB_PORT: the web server's port, default 3737)
// The review item screen and the generations explorer in Chromium (the one lib/testing/chromium.ts
// resolves), against the production build on the database `npm run bench:seed` filled: largest
// contentful paint on a first load (a new browser context: nothing cached; the server has served
// each page once) and on a warm reload, and the time from pressing j on an item to the next item on
// screen and painted: from Playwright's key press (its round trips included) and inside the page
// (from the key event to the frame). Keeps the database.
//
// Before (item and explorer rows fetched by the client after hydration, j asking the server for a
// page and then the item), 10,000,000 generations, 6 runs each, load average 15-20 on 2 shared
// cores (p50 / p95 ms): review item LCP first load 800 / 2,019, warm reload 320 / 354; explorer
// LCP first load 596 / 845, warm reload 312 / 488; j → next item shown 237 / 364.
// After (the item and the explorer's first rows come with the page; the next item is fetched while
// the current one is open and j shows it without a request; video.js loads on its own), same
// database, 8 runs each, two runs at load average 7-10 on 2 shared cores (p50 / p95 ms):
// review item LCP first load 270 / 326 and 270 / 362, warm reload 130 / 232 and 112 / 165;
// explorer LCP first load 286 / 938 and 328 / 467, warm reload 224 / 409 and 196 / 228;
// j → next item shown 88 / 180 and 66 / 161 (from Playwright), 36 / 58 and 35 / 61 in the page.
// The same on the machine alone (load 1.3-2.3), 10 runs each: review item LCP first load 174 / 213,
// warm reload 104 / 139; explorer LCP first load 168 / 412, warm reload 102 / 135; j → next item
// shown 73 / 111 from Playwright, 36 / 50 in the page.
import { loadavg } from "node:os";
import { chromium } from "@playwright/test";
import { closePool, pool } from "@/lib/db/pool";
import { resolveChromium } from "@/lib/testing/chromium";
import { openBenchDatabase } from "./bench-database";
import { BENCH_RESEARCHER, benchQueueName } from "./bench-names";
import { summarize, type Timing } from "./percentiles";
import { ORIGIN, type Session, signIn, startWebServer, stopWebServer } from "./web-process";

const argv = process.argv.slice(2);
const generations = Number(argv.find((arg) => /^\d+$/.test(arg)) ?? 10_000_000);
const runs = Number(argv.find((arg) => arg.startsWith("--runs="))?.split("=")[1] ?? 8);

const LCP_SCRIPT = () =>
  new Promise<number>((resolve) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      resolve(entries[entries.length - 1]!.startTime);
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const web = await startWebServer(process.env.DATABASE_URL!);
  const browserLaunch = await resolveChromium();
  const browser = await chromium.launch({ executablePath: browserLaunch.executablePath, args: browserLaunch.args });
  try {
    const { rows: queue } = await pool().query<{ id: number }>(`SELECT id FROM "ReviewQueue" WHERE name = $1`, [
      benchQueueName(generations),
    ]);
    if (!queue[0]) throw new Error(`No benchmark queue for ${generations} generations: run \`npm run bench:seed -- ${generations}\` first`);
    const queueId = queue[0].id;
    // An annotator's submitted items, oldest first: j walks from one to the next.
    const { rows: items } = await pool().query<{ itemId: number; userId: string }>(
      `SELECT a."itemId", a."userId" FROM "ReviewAssignment" a JOIN "ReviewQueueItem" i ON i.id = a."itemId"
       WHERE i."queueId" = $1 AND a."userId" = 'bench-annotator-3' AND a.status = 'SUBMITTED' ORDER BY a."claimedAt", a.id LIMIT $2`,
      [queueId, runs * 3 + 2],
    );
    const annotator = await signIn("bench-annotator-3@bench.local");
    const researcher = await signIn(`${BENCH_RESEARCHER}@bench.local`);
    const results: [string, Timing][] = [];

    const itemUrl = (itemId: number) => `/review/${queueId}/items/${itemId}`;
    // The server just started: each page is served once (an item not measured) before timing, as a
    // running server has; "first load" is a browser's first visit, not the server's.
    for (const [session, url] of [
      [annotator, itemUrl(items[items.length - 1]!.itemId)],
      [researcher, "/generations"],
    ] as const)
      await (await fetch(`${ORIGIN}${url}`, { headers: { cookie: session.cookie } })).text();
    results.push([
      "review item: LCP, first load",
      await firstLoads(
        browser,
        annotator,
        items.slice(0, runs).map((i) => itemUrl(i.itemId)),
      ),
    ]);
    results.push(["review item: LCP, warm reload", await warmReloads(browser, annotator, itemUrl(items[0]!.itemId))]);
    results.push(["explorer: LCP, first load", await firstLoads(browser, researcher, Array(runs).fill("/generations"))]);
    results.push(["explorer: LCP, warm reload", await warmReloads(browser, researcher, "/generations")]);
    const [nextShown, nextShownInPage] = await nextItemTimes(browser, annotator, itemUrl(items[runs]!.itemId));
    results.push(["review item: j → next item shown", nextShown], ["  the same, in the page", nextShownInPage]);

    console.log(`\npage benchmark on ${generations.toLocaleString("en")} generations (ms, Chromium, production build)`);
    console.log(`${"measure".padEnd(36)} ${"n".padStart(4)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"max".padStart(8)}  load avg`);
    for (const [name, t] of results)
      console.log(
        `${name.padEnd(36)} ${String(t.n).padStart(4)} ${t.p50.toFixed(0).padStart(8)} ${t.p95.toFixed(0).padStart(8)} ${t.max.toFixed(0).padStart(8)}  ${loadavg()
          .map((v) => v.toFixed(2))
          .join(" ")}`,
      );
  } finally {
    await browser.close();
    await stopWebServer(web);
    await closePool();
    await database.close();
  }
}

type Browser = Awaited<ReturnType<typeof chromium.launch>>;

async function contextFor(browser: Browser, session: Session) {
  const context = await browser.newContext({ baseURL: ORIGIN });
  await context.addCookies(
    session.cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: ORIGIN };
    }),
  );
  return context;
}

async function firstLoads(browser: Browser, session: Session, urls: string[]): Promise<Timing> {
  const times: number[] = [];
  for (const url of urls) {
    const context = await contextFor(browser, session);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "networkidle" });
    times.push(await page.evaluate(LCP_SCRIPT));
    await context.close();
  }
  return summarize(times);
}

async function warmReloads(browser: Browser, session: Session, url: string): Promise<Timing> {
  const context = await contextFor(browser, session);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await page.reload({ waitUntil: "networkidle" });
    times.push(await page.evaluate(LCP_SCRIPT));
  }
  await context.close();
  return summarize(times);
}

/**
 * From the key press to the next item on screen (its workspace, with its question) and painted.
 * The annotator has been on each item until the network went quiet, as one reading an item has.
 */
async function nextItemTimes(browser: Browser, session: Session, startUrl: string): Promise<[Timing, Timing]> {
  const context = await contextFor(browser, session);
  const page = await context.newPage();
  // j changes the address in the page (no new document), so "networkidle" is followed by hand.
  let inFlight = 0;
  let lastSettled = performance.now();
  page.on("request", () => {
    inFlight += 1;
  });
  const settled = () => {
    inFlight -= 1;
    lastSettled = performance.now();
  };
  page.on("requestfinished", settled);
  page.on("requestfailed", settled);
  const networkQuiet = async () => {
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline && (inFlight > 0 || performance.now() - lastSettled < 500))
      await new Promise((resolve) => setTimeout(resolve, 50));
  };
  await page.goto(startUrl, { waitUntil: "networkidle" });
  const times: number[] = [];
  const inPage: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const before = page.url();
    const shown = page.evaluate(SHOWN_AFTER_J_SCRIPT);
    const started = performance.now();
    await page.keyboard.press("j");
    await page.waitForURL((url) => url.toString() !== before);
    const itemId = page.url().split("/").pop();
    await page.locator(`[data-testid="review-item"][data-item-id="${itemId}"] [data-testid="question-text"]`).waitFor();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    times.push(performance.now() - started);
    inPage.push(await shown);
    await networkQuiet();
  }
  await context.close();
  return [summarize(times), summarize(inPage)];
}

/** In the page: from the j key event to the frame that shows the next item's question painted. */
const SHOWN_AFTER_J_SCRIPT = () =>
  new Promise<number>((resolve) => {
    const from = location.href;
    let pressedAt: number | null = null;
    window.addEventListener(
      "keydown",
      (event) => {
        if (event.key === "j") pressedAt = event.timeStamp;
      },
      { capture: true, once: true },
    );
    const observer = new MutationObserver(() => {
      if (pressedAt === null || location.href === from) return;
      const itemId = location.pathname.split("/").pop();
      if (!document.querySelector(`[data-testid="review-item"][data-item-id="${itemId}"] [data-testid="question-text"]`)) return;
      observer.disconnect();
      const start = pressedAt;
      // After the next frame is painted: a task queued from the frame's callback runs once it is.
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    // Never more than a few seconds (a missed frame is reported, not waited on forever).
    setTimeout(() => resolve(pressedAt === null ? -1 : -2), 5_000);
  });

await main();
process.exit(0);
