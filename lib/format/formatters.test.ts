import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatPercent,
  formatStatus,
  formatTime,
  MISSING,
} from "./formatters";

describe("formatNumber", () => {
  it("groups thousands and rounds to whole numbers by default", () => {
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatNumber(2.5)).toBe("3");
    expect(formatNumber(0)).toBe("0");
  });

  it("writes exactly the asked number of decimals", () => {
    expect(formatNumber(0.12345, 3)).toBe("0.123");
    expect(formatNumber(-0.5, 2)).toBe("-0.50");
    expect(formatNumber(1234.5, 1)).toBe("1,234.5");
  });

  it("writes a dash for a missing or non-finite value", () => {
    expect(formatNumber(null)).toBe(MISSING);
    expect(formatNumber(undefined)).toBe(MISSING);
    expect(formatNumber(Number.NaN)).toBe(MISSING);
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe(MISSING);
  });
});

describe("formatPercent", () => {
  it("writes a fraction as a percentage with one decimal and a space before the sign", () => {
    expect(formatPercent(0.1234)).toBe("12.3 %");
    expect(formatPercent(1)).toBe("100.0 %");
    expect(formatPercent(0)).toBe("0.0 %");
  });

  it("takes the number of decimals", () => {
    expect(formatPercent(0.5, 0)).toBe("50 %");
    expect(formatPercent(0.12345, 2)).toBe("12.35 %");
  });

  it("writes a dash for a missing value", () => {
    expect(formatPercent(null)).toBe(MISSING);
    expect(formatPercent(Number.NaN, 0)).toBe(MISSING);
  });
});

describe("formatDuration", () => {
  it("uses seconds under a minute, minutes and seconds under an hour, then hours and minutes", () => {
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(185)).toBe("3 min 5 s");
    expect(formatDuration(180)).toBe("3 min");
    expect(formatDuration(7800)).toBe("2 h 10 min");
    expect(formatDuration(7200)).toBe("2 h");
  });

  it("rounds to whole seconds and never goes below zero", () => {
    expect(formatDuration(59.6)).toBe("1 min");
    expect(formatDuration(-3)).toBe("0 s");
  });

  it("writes a dash for a missing or endless duration", () => {
    expect(formatDuration(null)).toBe(MISSING);
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe(MISSING);
  });
});

describe("formatBytes", () => {
  it("uses binary units with one decimal above bytes", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(5 * 1024 ** 2)).toBe("5.0 MiB");
    expect(formatBytes(2 * 1024 ** 3)).toBe("2.0 GiB");
  });

  it("writes a dash for a missing size", () => {
    expect(formatBytes(undefined)).toBe(MISSING);
  });
});

describe("dates and times", () => {
  // Built from local parts, so the expectations hold in any time zone.
  const moment = new Date(2026, 11, 7, 17, 52, 18);

  it("writes a date and time with the month's name and no seconds", () => {
    expect(formatDateTime(moment)).toMatch(/^Dec 7, 2026, 5:52\sPM$/);
  });

  it("writes a date alone", () => {
    expect(formatDate(moment)).toBe("Dec 7, 2026");
  });

  it("writes a time of day with seconds", () => {
    expect(formatTime(moment)).toMatch(/^5:52:18\sPM$/);
  });

  it("accepts the ISO strings and epoch milliseconds the API sends", () => {
    expect(formatDateTime(moment.toISOString())).toBe(formatDateTime(moment));
    expect(formatDate(moment.getTime())).toBe("Dec 7, 2026");
  });

  it("writes a dash for a missing or unreadable date", () => {
    expect(formatDateTime(null)).toBe(MISSING);
    expect(formatDate("not a date")).toBe(MISSING);
    expect(formatTime(undefined)).toBe(MISSING);
  });
});

describe("formatStatus", () => {
  it("writes every word of a status, not its enum spelling", () => {
    expect(formatStatus("DONE_WITH_ERRORS")).toBe("done with errors");
    expect(formatStatus("STRATIFIED_BY_VERDICT")).toBe("stratified by verdict");
    expect(formatStatus("ACTIVE")).toBe("active");
  });
});
