import { afterAll, beforeAll, expect, test } from "vitest";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { sessionCookieFor } from "@/lib/testing/sessions";
import { DELETE as deleteView, GET as openView, PATCH as renameView } from "./[viewId]/route";
import { GET as listViews, POST as saveView } from "./route";
import { callRoute } from "@/lib/testing/call-route";

// A view is shared by its link: anyone who may use the explorer opens it through the API; only its
// owner renames or deletes it, and annotators (who cannot use the explorer) cannot open it.

let researcher: string;
let pi: string;
let annotator: string;

beforeAll(async () => {
  researcher = await sessionCookieFor("RESEARCHER");
  pi = await sessionCookieFor("PI");
  annotator = await sessionCookieFor("ANNOTATOR");
});
afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

const call = callRoute;

test("a researcher's view opens by its link for a PI, who may neither rename nor delete it; an annotator may not open it", async () => {
  const saved = await call(saveView, researcher, "POST", "/api/generations/views", {
    name: "Hallucinated, oldest first",
    filters: { audit: "HALLUCINATED", sort: "oldest", q: "box" },
  });
  expect(saved).toMatchObject({ status: 201, body: { mine: true, query: { audit: "HALLUCINATED", sort: "oldest", q: "box" } } });
  const id = String(saved.body.id);
  const path = `/api/generations/views/${id}`;

  expect(await call(openView, pi, "GET", path, undefined, { viewId: id })).toMatchObject({
    status: 200,
    body: { name: "Hallucinated, oldest first", mine: false, query: { audit: "HALLUCINATED", sort: "oldest", q: "box" }, dropped: [] },
  });
  expect((await call(openView, annotator, "GET", path, undefined, { viewId: id })).status).toBe(403);
  expect(await call(renameView, pi, "PATCH", path, { name: "Mine" }, { viewId: id })).toMatchObject({
    status: 403,
    body: { error: "Only the view's owner may rename it" },
  });
  expect((await call(deleteView, pi, "DELETE", path, undefined, { viewId: id })).status).toBe(403);
  expect((await call(listViews, pi, "GET", "/api/generations/views")).body.views).toEqual([]);

  expect(await call(renameView, researcher, "PATCH", path, { name: "Hallucinations" }, { viewId: id })).toMatchObject({
    status: 200,
    body: { name: "Hallucinations" },
  });
  expect((await call(deleteView, researcher, "DELETE", path, undefined, { viewId: id })).status).toBe(200);
  expect((await call(openView, pi, "GET", path, undefined, { viewId: id })).status).toBe(404);
});

test("a view is saved only with filters the explorer takes", async () => {
  const refused = await call(saveView, researcher, "POST", "/api/generations/views", { name: "Bad", filters: { verdict: "maybe" } });
  expect(refused.status).toBe(400);
  expect(String(refused.body.error)).toContain("filters.verdict");
});
