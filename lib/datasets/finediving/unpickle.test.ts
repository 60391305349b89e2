import { describe, expect, it } from "vitest";
import { FatalImportError } from "../errors";
import { np, pickle, py } from "./fixtures/pickle-writer";
import { expectedDiveScore, scoreDisagreement } from "./score-rules";
import { unpickle } from "./unpickle";

describe("pickle writer + pickleparser with numpy decoding", () => {
  it("round-trips the Python values FineDiving uses", () => {
    const value = py.dict([
      [py.tuple("Event", 3), py.dict([["a", 1]])],
      ["ints", [0, 255, 256, 65535, 65536, -1, -2147483648, 2 ** 40]],
      ["floats", [py.float(2), 0.5, -1.25]],
      ["nested", [py.tuple(), py.tuple(1), py.tuple(1, 2, 3, 4), [], null, true, false, "é ✓"]],
      ["bytes", py.bytes(new Uint8Array(300).fill(9))],
    ]);
    const decoded = unpickle(pickle(value), "x") as Map<unknown, unknown>;
    const entries = [...decoded];
    expect(entries[0]?.[0]).toEqual(["Event", 3]);
    expect(entries[0]?.[1]).toEqual(new Map([["a", 1]]));
    expect(decoded.get("ints")).toEqual([0, 255, 256, 65535, 65536, -1, -2147483648, 2 ** 40]);
    expect(decoded.get("floats")).toEqual([2, 0.5, -1.25]);
    expect(decoded.get("nested")).toEqual([[], [1], [1, 2, 3, 4], [], null, true, false, "é ✓"]);
    expect((decoded.get("bytes") as Uint8Array).length).toBe(300);
  });

  it("decodes numpy scalars and arrays into numbers, and numpy dict keys into number keys", () => {
    const value = py.dict([
      ["score", np.float64(85.78)],
      ["frame", np.int64(-7)],
      ["labels", np.array([1, 1, 13, 28])],
      ["transits", np.array([2.5, 7], "f8")],
      ["grid", np.array([1, 2, 3, 4, 5, 6], "i4", [2, 3])],
      ["single", np.array([0.25], "f4")],
      ["names", py.dict([[np.int64(13), "3.5 Soms.Tuck"]])],
    ]);
    const decoded = unpickle(pickle(value), "x") as Map<string, unknown>;
    expect(decoded.get("score")).toBe(85.78);
    expect(decoded.get("frame")).toBe(-7);
    expect(decoded.get("labels")).toEqual([1, 1, 13, 28]);
    expect(decoded.get("transits")).toEqual([2.5, 7]);
    expect(decoded.get("grid")).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(decoded.get("single")).toEqual([0.25]);
    expect(decoded.get("names")).toEqual(new Map([[13, "3.5 Soms.Tuck"]]));
  });

  it("reads a fine-grained record as Python's pickle and numpy write it (memoised globals and dtypes)", () => {
    // pickle.dumps(record, protocol=3) by Python with numpy, module named numpy.core.multiarray as
    // numpy 1.x wrote FineDiving's files: dtypes are shared through the memo (BINGET), unlike the fixture writer's output.
    const bytes = Buffer.from(
      "gAN9cQBYJQAAAEZJTkFEaXZpbmdXb3JsZEN1cDIwMjFfTWVuM21fZmluYWxfcjFxAUsAhnECfXEDKFgLAAAAYWN0aW9uX3R5cGVx" +
        "BFgFAAAANTI1M2JxBVgKAAAAZGlmZmljdWx0eXEGY251bXB5LmNvcmUubXVsdGlhcnJheQpzY2FsYXIKcQdjbnVtcHkKZHR5cGUK" +
        "cQhYAgAAAGY4cQmJiIdxClJxCyhLA1gBAAAAPHEMTk5OSv////9K/////0sAdHENYkMIZmZmZmZmCkBxDoZxD1JxEFgKAAAAZGl2" +
        "ZV9zY29yZXERaAdoC0MIMzMzMzNzVUBxEoZxE1JxFFgNAAAAZnJhbWVzX2xhYmVsc3EVY251bXB5LmNvcmUubXVsdGlhcnJheQpf" +
        "cmVjb25zdHJ1Y3QKcRZjbnVtcHkKbmRhcnJheQpxF0sAhXEYQwFicRmHcRpScRsoSwFLB4VxHGgIWAIAAABpOHEdiYiHcR5ScR8o" +
        "SwNoDE5OTkr/////Sv////9LAHRxIGKJQzgBAAAAAAAAAAEAAAAAAAAACwAAAAAAAAALAAAAAAAAABsAAAAAAAAACwAAAAAAAAAk" +
        "AAAAAAAAAHEhdHEiYlgUAAAAc3RlcHNfdHJhbnNpdF9mcmFtZXNxI2gWaBdLAIVxJGgZh3ElUnEmKEsBSwSFcSdoC4lDIAAAAAAA" +
        "APA/AAAAAAAACEAAAAAAAAAQQAAAAAAAABRAcSh0cSliWBAAAABzdWItYWN0aW9uX3R5cGVzcSp9cSsoaAdoH0MIAQAAAAAAAABx" +
        "LIZxLVJxLlgEAAAAQmFja3EvaAdoH0MICwAAAAAAAABxMIZxMVJxMlgNAAAAMi41IFNvbXMuUGlrZXEzaAdoH0MIGwAAAAAAAABx" +
        "NIZxNVJxNlgIAAAAMiBUd2lzdHNxN2gHaB9DCCQAAAAAAAAAcTiGcTlScTpYBQAAAEVudHJ5cTt1dXMu",
      "base64",
    );
    const decoded = unpickle(bytes, "real.pkl") as Map<unknown, Map<string, unknown>>;
    const [[key, record]] = [...decoded] as [[unknown, Map<string, unknown>]];
    expect(key).toEqual(["FINADivingWorldCup2021_Men3m_final_r1", 0]);
    expect(Object.fromEntries(record)).toEqual({
      action_type: "5253b",
      difficulty: 3.3,
      dive_score: 85.8,
      frames_labels: [1, 1, 11, 11, 27, 11, 36],
      steps_transit_frames: [1, 3, 4, 5],
      "sub-action_types": new Map([
        [1, "Back"],
        [11, "2.5 Soms.Pike"],
        [27, "2 Twists"],
        [36, "Entry"],
      ]),
    });
  });

  it("decodes protocol-2 style bytes written through _codecs.encode", () => {
    // numpy.core.multiarray.scalar(numpy.dtype('i8', False, True), _codecs.encode('\x05\x00...', 'latin1'))
    const text = (s: string) => Array.from(Buffer.from(s, "latin1"));
    const bytes = Uint8Array.from([
      0x80,
      0x02,
      0x63,
      ...text("numpy.core.multiarray\nscalar\n"),
      0x63,
      ...text("numpy\ndtype\n"),
      0x58,
      2,
      0,
      0,
      0,
      ...text("i8"),
      0x89,
      0x88,
      0x87,
      0x52,
      0x28,
      0x4b,
      3,
      0x58,
      1,
      0,
      0,
      0,
      ...text("<"),
      0x4e,
      0x4e,
      0x4e,
      0x4a,
      0xff,
      0xff,
      0xff,
      0xff,
      0x4a,
      0xff,
      0xff,
      0xff,
      0xff,
      0x4b,
      0,
      0x74,
      0x62,
      0x63,
      ...text("_codecs\nencode\n"),
      0x58,
      8,
      0,
      0,
      0,
      5,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0x58,
      6,
      0,
      0,
      0,
      ...text("latin1"),
      0x86,
      0x52,
      0x86,
      0x52,
      0x2e,
    ]);
    expect(unpickle(bytes, "x")).toBe(5);
  });

  it("refuses bytes that are not a pickle with a FatalImportError naming the file", () => {
    expect(() => unpickle(Buffer.from("hello"), "notes.pkl")).toThrow(FatalImportError);
    expect(() => unpickle(Uint8Array.of(0x80, 0x03, 0xff), "bad.pkl")).toThrow(/bad\.pkl: not a readable pickle/);
  });
});

describe("dive score rules", () => {
  it("applies the 7-, 5- and 3-score rules", () => {
    expect(expectedDiveScore([8.5, 9, 8, 8.5, 9.5, 8.5, 9], 3.3)).toEqual({
      expected: 85.8,
      rule: "7 judges: drop the 2 highest and 2 lowest, sum the remaining 3, × difficulty",
    });
    expect(expectedDiveScore([9, 9.5, 9, 8.5, 9], 3.6).expected).toBe(97.2);
    expect(expectedDiveScore([8, 8.5, 9], 2)).toEqual({ expected: 51, rule: "3 scores (the middle three): sum × difficulty" });
    expect(expectedDiveScore([8, 9], 2).expected).toBeNull();
  });

  it("flags only disagreements beyond 0.01", () => {
    expect(scoreDisagreement([8, 8.5, 9], 2, 51.01)).toBeNull();
    expect(scoreDisagreement([8, 8.5, 9], 2, 51.5)).toMatch(/disagrees with the judges: .* gives 51 /);
    expect(scoreDisagreement([8, 9], 2, 30)).toMatch(/no scoring rule for 2 judge scores/);
  });
});
