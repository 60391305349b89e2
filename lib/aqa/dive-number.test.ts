import { describe, expect, it } from "vitest";
import { decodeDiveNumber, InvalidDiveNumberError, tryDecodeDiveNumber } from "./dive-number";

describe("decodeDiveNumber", () => {
  const table: Array<[string, Partial<ReturnType<typeof decodeDiveNumber>>]> = [
    ["107B", { groupName: "forward", flying: false, somersaults: 3.5, twists: 0, position: "pike", text: "forward 3½ somersaults pike" }],
    [
      "5253B",
      {
        groupName: "twisting",
        direction: "back",
        somersaults: 2.5,
        twists: 1.5,
        position: "pike",
        text: "back 2½ somersaults 1½ twists pike",
      },
    ],
    [
      "626C",
      {
        groupName: "armstand",
        direction: "back",
        armstand: true,
        somersaults: 3,
        position: "tuck",
        text: "armstand back 3 somersaults tuck",
      },
    ],
    ["207c", { code: "207C", groupName: "back", somersaults: 3.5, position: "tuck", text: "back 3½ somersaults tuck" }],
    ["109C", { groupName: "forward", halfSomersaults: 9, text: "forward 4½ somersaults tuck" }],
    ["307C", { groupName: "reverse", text: "reverse 3½ somersaults tuck" }],
    ["407C", { groupName: "inward", text: "inward 3½ somersaults tuck" }],
    ["113C", { flying: true, somersaults: 1.5, text: "flying forward 1½ somersaults tuck" }],
    ["101A", { somersaults: 0.5, position: "straight", text: "forward dive straight" }],
    ["5156B", { direction: "forward", somersaults: 2.5, twists: 3, text: "forward 2½ somersaults 3 twists pike" }],
    ["5335D", { direction: "reverse", twists: 2.5, position: "free", text: "reverse 1½ somersaults 2½ twists free" }],
    ["5231D", { direction: "back", halfTwists: 1, text: "back 1½ somersaults ½ twist free" }],
    ["6243D", { armstand: true, direction: "back", somersaults: 2, twists: 1.5, text: "armstand back 2 somersaults 1½ twists free" }],
    [" 612b ", { code: "612B", armstand: true, direction: "forward", somersaults: 1, text: "armstand forward 1 somersault pike" }],
  ];
  it.each(table)("decodes %s", (code, expected) => {
    expect(decodeDiveNumber(code)).toMatchObject(expected);
  });

  const invalid: Array<[string, RegExp]> = [
    ["", /3 or 4 digits/],
    ["107", /3 or 4 digits/],
    ["B107", /3 or 4 digits/],
    ["107E", /position letter "E"/],
    ["707B", /group digit 7/],
    ["1071B", /3 digits, not 4/],
    ["127B", /second digit must be 0, or 1/],
    ["100B", /half-somersaults/],
    ["525B", /twisting dive has 4 digits/],
    ["5053B", /direction digit 0/],
    ["5250B", /at least one half-twist/],
    ["646B", /armstand direction digit 4/],
  ];
  it.each(invalid)("rejects %j with a clear error", (code, reason) => {
    const decoding = tryDecodeDiveNumber(code);
    expect(decoding.ok).toBe(false);
    if (decoding.ok) return;
    expect(decoding.error.message).toMatch(reason);
    expect(decoding.error.message).toContain(`"${code}"`);
    expect(() => decodeDiveNumber(code)).toThrow(InvalidDiveNumberError);
  });
});
