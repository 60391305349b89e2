import { describe, expect, it } from "vitest";
import { extractSubActions, subActionSequence } from "./sub-action-extraction";
import {
  canonicalSubActionName,
  KNOWN_DATASET_SUB_ACTIONS,
  SUB_ACTION_VOCABULARY,
  DATASET_SUB_ACTION_TABLE_SIZE,
} from "./sub-action-vocabulary";

describe("sub-action vocabulary", () => {
  it("generates every name known from the dataset, with its id", () => {
    for (const [id, name] of KNOWN_DATASET_SUB_ACTIONS) {
      expect(SUB_ACTION_VOCABULARY.find((t) => t.name === name)?.datasetId, name).toBe(id);
    }
    const ids = KNOWN_DATASET_SUB_ACTIONS.map(([id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids)).toBeLessThan(DATASET_SUB_ACTION_TABLE_SIZE);
  });

  it("covers take-offs, somersaults 0.5–4.5 in four positions, twists 0.5–4.5 and Entry", () => {
    const count = (kind: string) => SUB_ACTION_VOCABULARY.filter((t) => t.kind === kind).length;
    expect([count("takeoff"), count("somersault"), count("twist"), count("entry")]).toEqual([7, 36, 9, 1]);
  });

  it("canonicalises loose spellings to the dataset's", () => {
    expect(canonicalSubActionName("1 Soms.Pike")).toBe("1 Som.Pike");
    expect(canonicalSubActionName("0.5 soms.pike")).toBe("0.5 Som.Pike");
    expect(canonicalSubActionName("1.5 twist")).toBe("1.5 Twists");
    expect(canonicalSubActionName("3.5 Soms. Tuck")).toBe("3.5 Soms.Tuck");
    expect(canonicalSubActionName("arm.back")).toBe("Arm.Back");
    expect(canonicalSubActionName("  ")).toBeNull();
  });
});

describe("extractSubActions", () => {
  const names = (text: string) => extractSubActions(text).map((m) => m.name);

  it("reads chains, labels and prose", () => {
    expect(names("Reverse→3.5 Soms.Tuck→Entry")).toEqual(["Reverse", "3.5 Soms.Tuck", "Entry"]);
    expect(names("Back -> 2.5 Soms.Pike -> 1.5 Twists -> Entry")).toEqual(["Back", "2.5 Soms.Pike", "1.5 Twists", "Entry"]);
    expect(names("Forward: 2.5, 3.5 Soms.Pike: 3.4")).toEqual(["Forward", "3.5 Soms.Pike"]);
    expect(names("an armstand back take-off, three and a half somersaults in the tuck position and a clean entry")).toEqual([
      "Arm.Back",
      "3.5 Soms.Tuck",
      "Entry",
    ]);
    expect(names("a half twist and 1 somersault piked")).toEqual(["0.5 Twist", "1 Som.Pike"]);
  });

  it("reads a take-off named on its own, capitalised as the dataset spells it", () => {
    expect(names("The dive begins with Inward. It continues with 3.5 Soms.Tuck.")).toEqual(["Inward", "3.5 Soms.Tuck"]);
    expect(names("Back then, the diver was nervous.")).toEqual([]);
  });

  it("ends the sequence with the entry, however early it is mentioned", () => {
    const text = "The flight from takeoff to entry is visible. The dive begins with Reverse, then 2.5 Soms.Pike.";
    expect(subActionSequence(extractSubActions(text))).toEqual(["Reverse", "2.5 Soms.Pike", "Entry"]);
  });

  it("ignores take-off words used as ordinary English", () => {
    expect(names("Looking back, the diver moved forward with confidence.")).toEqual([]);
    expect(names("Moving forward, the entry was clean.")).toEqual(["Entry"]);
  });

  it("gives spans that point at the words", () => {
    const text = "It was a forward 3½ somersaults pike.";
    const mentions = extractSubActions(text);
    expect(mentions.map((m) => text.slice(m.span.start, m.span.end))).toEqual(["forward", "3½ somersaults pike"]);
  });

  it("recognises extra names verbatim, e.g. from the real table", () => {
    const mentions = extractSubActions("then a 4 Soms.Straight", { extraNames: ["4 Soms.Straight"] });
    expect(mentions.map((m) => m.name)).toEqual(["4 Soms.Straight"]);
  });
});
