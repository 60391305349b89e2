import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors/domain-error";
import { closeConnectionsAfterAll } from "@/lib/review/testing/db-hooks";
import { createReviewer } from "@/lib/review/testing/review-fixture";
import {
  createExplorerView,
  createExplorerViewSchema,
  deleteExplorerView,
  getExplorerView,
  listExplorerViews,
  renameExplorerView,
} from "./explorer-views-repository";

closeConnectionsAfterAll();

let owner: string;
let colleague: string;

beforeAll(async () => {
  owner = (await createReviewer("views-owner", "RESEARCHER")).id;
  colleague = (await createReviewer("views-colleague", "ADMIN")).id;
});

const save = (userId: string, name: string, filters: Record<string, string>) =>
  createExplorerView(userId, createExplorerViewSchema.parse({ name, filters }));

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("saved explorer views", () => {
  test("a view keeps the filters, the search and the sort, as the explorer's URL holds them", async () => {
    const view = await save(owner, "Failed rationalizations", {
      cycleId: "3",
      mode: "RATIONALIZATION",
      verdict: "failed",
      q: '"drying rack"',
      sort: "oldest",
    });
    expect(view).toMatchObject({
      name: "Failed rationalizations",
      mine: true,
      query: { cycleId: "3", mode: "RATIONALIZATION", verdict: "failed", q: '"drying rack"', sort: "oldest" },
      dropped: [],
    });
    expect((await listExplorerViews(owner)).map((listed) => listed.name)).toContain("Failed rationalizations");
    // The default sort is left out of the link.
    expect((await save(owner, "Everything", {})).query).toEqual({});
  });

  test("filters the explorer does not take are refused on save", () => {
    expect(createExplorerViewSchema.safeParse({ name: "bad", filters: { verdict: "maybe" } }).success).toBe(false);
    expect(createExplorerViewSchema.safeParse({ name: " ", filters: {} }).success).toBe(false);
  });

  test("anyone may open a view by its link; only its owner lists, renames and deletes it", async () => {
    const view = await save(owner, "Shared audit queue", { audit: "HALLUCINATED" });
    const opened = await getExplorerView(view.id, colleague);
    expect(opened).toMatchObject({
      id: view.id,
      name: "Shared audit queue",
      mine: false,
      ownerName: "Reviewer views-owner",
      query: { audit: "HALLUCINATED" },
    });
    expect((await listExplorerViews(colleague)).map((listed) => listed.id)).not.toContain(view.id);

    const rename = await refusal(renameExplorerView(view.id, colleague, "Mine now"));
    expect(rename.kind).toBe("forbidden");
    expect((await refusal(deleteExplorerView(view.id, colleague))).kind).toBe("forbidden");
    expect((await getExplorerView(view.id, owner)).name).toBe("Shared audit queue");

    expect((await renameExplorerView(view.id, owner, "Hallucinations")).name).toBe("Hallucinations");
    await deleteExplorerView(view.id, owner);
    expect((await refusal(getExplorerView(view.id, colleague))).kind).toBe("not-found");
    expect((await refusal(deleteExplorerView(view.id, owner))).kind).toBe("not-found");
  });

  test("two views of one owner may not share a name; two owners may", async () => {
    await save(owner, "Same name", {});
    expect((await refusal(save(owner, "Same name", { mode: "ANSWER" }))).kind).toBe("conflict");
    const other = await save(owner, "Other name", {});
    expect((await refusal(renameExplorerView(other.id, owner, "Same name"))).kind).toBe("conflict");
    expect((await save(colleague, "Same name", {})).name).toBe("Same name");
  });

  test("a view saved before a filter changed opens without it, and says what was left out", async () => {
    const stored = await prisma().explorerView.create({
      data: { ownerId: owner, name: "Old view", filters: { cycleId: 4, colour: "red", verdict: "maybe", sort: "newest" } },
      select: { id: true },
    });
    const view = await getExplorerView(stored.id, colleague);
    expect(view.query).toEqual({ cycleId: "4" });
    expect(view.dropped).toEqual(["“colour” is no longer a filter of the explorer", "verdict “maybe” is no longer accepted"]);
    const unreadable = await prisma().explorerView.create({
      data: { ownerId: owner, name: "Broken view", filters: ["cycleId"] },
      select: { id: true },
    });
    expect(await getExplorerView(unreadable.id, owner)).toMatchObject({ query: {}, dropped: [expect.stringContaining("not readable")] });
  });
});
