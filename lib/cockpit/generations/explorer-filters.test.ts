import { expect, test } from "vitest";
import { explorerFiltersSchema, filtersToQuery, readStoredFilters } from "./explorer-filters";

test("filters go back to the URL as strings, without the default sort or empty keys", () => {
  const filters = explorerFiltersSchema.parse({ cycleId: "7", mode: "ANSWER", q: " box ", sort: "newest", verdict: "" });
  expect(filtersToQuery(filters)).toEqual({ cycleId: "7", mode: "ANSWER", q: "box" });
  expect(filtersToQuery(explorerFiltersSchema.parse({ sort: "oldest" }))).toEqual({ sort: "oldest" });
});

test("saved filters are read key by key: what no longer fits is left out and named, the rest kept", () => {
  expect(readStoredFilters({ datasetId: 2, labelType: "interval", shape: "round", audit: "LOST", q: "x".repeat(201) })).toEqual({
    filters: { datasetId: 2, labelType: "interval", sort: "newest" },
    dropped: [
      "“shape” is no longer a filter of the explorer",
      "audit “LOST” is no longer accepted",
      `q “${"x".repeat(40)}…” is no longer accepted`,
    ],
  });
  expect(readStoredFilters(null)).toEqual({
    filters: { sort: "newest" },
    dropped: ["The saved filters were not readable: the view opens without filters"],
  });
});
