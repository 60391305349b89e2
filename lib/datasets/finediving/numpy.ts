import { NameRegistry } from "pickleparser";

/**
 * Decoding of the numpy objects found in FineDiving's pickles, registered on pickleparser's
 * NameRegistry (pickleparser does the unpickling; this only gives numpy's globals meaning):
 *
 *   numpy.dtype(spec, align, copy) + BUILD state (version, byteorder, ...)  → a NumpyDtype
 *   numpy.core.multiarray.scalar(dtype, raw bytes)                          → a JS number
 *   numpy.core.multiarray._reconstruct(ndarray, (0,), b"b")
 *     + BUILD state (version, shape, dtype, is_fortran, raw bytes)          → number[] (nested for n-d)
 *   _codecs.encode(text, "latin1")   (how protocol 2 pickles bytes)         → bytes
 *
 * numpy ≥ 2 writes `numpy._core.multiarray`; both module names are registered. Integers beyond
 * 2^53 lose precision (FineDiving's are frame numbers and ids). A numpy integer used as a dict key
 * therefore becomes a plain JS number key of the Map the parser builds.
 */

type Bytes = Uint8Array | Int8Array | Uint8ClampedArray;

const KINDS: Record<string, { size: number; read: (view: DataView, offset: number, little: boolean) => number }> = {
  b1: { size: 1, read: (v, o) => (v.getUint8(o) === 0 ? 0 : 1) },
  i1: { size: 1, read: (v, o) => v.getInt8(o) },
  u1: { size: 1, read: (v, o) => v.getUint8(o) },
  i2: { size: 2, read: (v, o, l) => v.getInt16(o, l) },
  u2: { size: 2, read: (v, o, l) => v.getUint16(o, l) },
  i4: { size: 4, read: (v, o, l) => v.getInt32(o, l) },
  u4: { size: 4, read: (v, o, l) => v.getUint32(o, l) },
  i8: { size: 8, read: (v, o, l) => Number(v.getBigInt64(o, l)) },
  u8: { size: 8, read: (v, o, l) => Number(v.getBigUint64(o, l)) },
  f4: { size: 4, read: (v, o, l) => v.getFloat32(o, l) },
  f8: { size: 8, read: (v, o, l) => v.getFloat64(o, l) },
};

class NumpyDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NumpyDecodeError";
  }
}

class NumpyDtype {
  /** "<" little-endian, ">" big-endian, "|" not applicable. */
  byteorder = "=";

  constructor(readonly spec: string) {}

  __setstate__(state: unknown): void {
    if (Array.isArray(state) && typeof state[1] === "string") this.byteorder = state[1];
  }

  get littleEndian(): boolean {
    return this.byteorder !== ">";
  }

  get kind(): { size: number; read: (view: DataView, offset: number, little: boolean) => number } {
    const kind = KINDS[this.spec.replace(/^[<>=|]/, "")];
    if (kind === undefined) throw new NumpyDecodeError(`numpy dtype "${this.spec}" is not supported (numbers only)`);
    return kind;
  }

  decode(bytes: Bytes): number[] {
    const { size, read } = this.kind;
    if (bytes.length % size !== 0) throw new NumpyDecodeError(`${bytes.length} bytes is not a whole number of ${this.spec} values`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const values: number[] = [];
    for (let offset = 0; offset < bytes.length; offset += size) values.push(read(view, offset, this.littleEndian));
    return values;
  }
}

/** The object `_reconstruct` returns; BUILD fills it, `toValue` turns it into plain arrays. */
class NumpyArray {
  shape: number[] = [];
  values: number[] = [];

  __setstate__(state: unknown): void {
    if (!Array.isArray(state) || state.length < 5) throw new NumpyDecodeError("unexpected numpy array state");
    const [, shape, dtype, isFortran, raw] = state as [unknown, unknown, unknown, unknown, unknown];
    if (!Array.isArray(shape) || !shape.every((n) => typeof n === "number"))
      throw new NumpyDecodeError("numpy array shape is not a tuple of integers");
    if (!(dtype instanceof NumpyDtype)) throw new NumpyDecodeError("numpy array without a dtype");
    this.shape = shape as number[];
    if (isFortran === true && this.shape.length > 1) throw new NumpyDecodeError("Fortran-ordered numpy arrays are not supported");
    if (Array.isArray(raw)) this.values = raw.map(Number);
    else if (raw instanceof Uint8Array || raw instanceof Int8Array || raw instanceof Uint8ClampedArray) this.values = dtype.decode(raw);
    else throw new NumpyDecodeError("numpy array data is neither bytes nor a list");
    const expected = this.shape.reduce((product, n) => product * n, 1);
    if (expected !== this.values.length)
      throw new NumpyDecodeError(`numpy array of shape (${this.shape.join(", ")}) holds ${this.values.length} values`);
  }

  /** 1-d → number[]; n-d → nested arrays in C order; 0-d → the number. */
  toValue(): unknown {
    return reshape(this.values, this.shape);
  }
}

function reshape(values: number[], shape: number[]): unknown {
  if (shape.length === 0) return values[0];
  const [outer = 0, ...inner] = shape;
  if (inner.length === 0) return values;
  const step = inner.reduce((product, n) => product * n, 1);
  return Array.from({ length: outer }, (_, i) => reshape(values.slice(i * step, (i + 1) * step), inner));
}

// pickleparser calls REDUCE'd globals as plain functions, so these are functions returning objects.
function dtype(spec: unknown): NumpyDtype {
  if (typeof spec !== "string") throw new NumpyDecodeError("numpy dtype spec is not a string");
  return new NumpyDtype(spec);
}

function scalar(type: unknown, raw: unknown): number {
  if (!(type instanceof NumpyDtype)) throw new NumpyDecodeError("numpy scalar without a dtype");
  if (!(raw instanceof Uint8Array || raw instanceof Int8Array || raw instanceof Uint8ClampedArray))
    throw new NumpyDecodeError("numpy scalar data is not bytes");
  const [value] = type.decode(raw);
  if (value === undefined) throw new NumpyDecodeError("numpy scalar without data");
  return value;
}

function reconstruct(): NumpyArray {
  return new NumpyArray();
}

function ndarrayMarker(): never {
  throw new NumpyDecodeError("numpy.ndarray cannot be called directly");
}

/** latin-1 text → bytes: protocol-2 pickles write bytes objects this way. */
function codecsEncode(text: unknown, encoding: unknown): Uint8Array {
  if (typeof text !== "string" || (encoding !== "latin1" && encoding !== "latin-1"))
    throw new NumpyDecodeError("unsupported _codecs.encode call");
  return Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
}

/** A NameRegistry that knows numpy's globals; anything else stays an opaque pickleparser object. */
export function numpyNameRegistry(): NameRegistry {
  const registry = new NameRegistry();
  for (const module of ["numpy.core.multiarray", "numpy._core.multiarray"]) {
    registry.register(module, "scalar", scalar);
    registry.register(module, "_reconstruct", reconstruct);
  }
  registry.register("numpy", "dtype", dtype);
  registry.register("numpy", "ndarray", ndarrayMarker);
  registry.register("_codecs", "encode", codecsEncode);
  return registry;
}

/** Replaces the NumpyArray objects left by unpickling with plain arrays, recursively. */
export function plainNumpy(value: unknown): unknown {
  if (value instanceof NumpyArray) return value.toValue();
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [plainNumpy(k), plainNumpy(v)]));
  if (Array.isArray(value)) return value.map(plainNumpy);
  return value;
}
