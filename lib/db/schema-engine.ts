import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type pg from "pg";
import { poolConfigFromUrl } from "./connection-config";

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let bindings: Promise<Bindings> | undefined;

/**
 * Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter: migrations
 * without the native engine that Prisma's CLI downloads from its CDN (unreachable here).
 * The package's entry imports the .wasm file directly, which Node refuses, so we load the bytes.
 */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    installPanicRegistry();
    const module: Bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const entry = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm");
    const wasmBytes = await readFile(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": module });
    module.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return module;
  })();
  return bindings;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN = ColumnTypeEnum.Character;

interface RawResult {
  columnTypes: number[];
}
interface AdapterInternals {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  queryRaw(query: unknown): Promise<RawResult>;
}

/** Per queryRaw call: the positions of `"char"` columns that performIO saw. */
const charColumns = new AsyncLocalStorage<number[]>();

/**
 * The schema engine reads system catalogs, whose one-byte `"char"` columns (constraint and
 * relation kinds) the pg adapter has no column type for. pg returns them as strings; we let them
 * through as text and tell the engine they are characters, which is what it decodes them as.
 */
function readCatalogCharColumns<T extends object>(adapter: T): T {
  // performIO and queryRaw are the adapter's own methods; performIO is not in its public types.
  const internal = adapter as unknown as AdapterInternals;
  const performIO = internal.performIO.bind(adapter);
  const queryRaw = internal.queryRaw.bind(adapter);
  internal.performIO = async (query) => {
    const result = await performIO(query);
    const positions = charColumns.getStore();
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      positions?.push(index);
    });
    return result;
  };
  internal.queryRaw = (query) => {
    const positions: number[] = [];
    return charColumns.run(positions, async () => {
      const result = await queryRaw(query);
      for (const index of positions) result.columnTypes[index] = CHARACTER_COLUMN;
      return result;
    });
  };
  return adapter;
}

let lastPanic: string | undefined;

/** The wasm build reports Rust panics through this global; without it a panic hides its message. */
function installPanicRegistry(): void {
  const registry = {
    set_message: (message: string) => {
      lastPanic = message;
    },
  };
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof registry }).PRISMA_WASM_PANIC_REGISTRY = registry;
}

/** Rethrows an engine failure with the panic message, when the engine panicked. */
export function explainEngineError(error: unknown): Error {
  const panic = lastPanic;
  lastPanic = undefined;
  if (panic) return new Error(`Prisma schema engine panicked: ${panic}`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * The pg adapter factory, with a shadow database that is dropped only after its own pool has
 * closed (the stock one drops it first, which PostgreSQL refuses while the pool still holds it).
 */
class MigrationAdapterFactory extends PrismaPg {
  private readonly connected = new Set<{ dispose(): Promise<void> }>();

  constructor(private readonly poolConfig: pg.PoolConfig) {
    super(poolConfig, { onPoolError: () => {} });
  }

  override async connect() {
    const adapter = readCatalogCharColumns(await super.connect());
    this.connected.add(adapter);
    return adapter;
  }

  /** The engine never disposes its main connection; without this, idle clients keep the process alive. */
  async disposeAll(): Promise<void> {
    await Promise.all([...this.connected].map((adapter) => adapter.dispose().catch(() => {})));
    this.connected.clear();
  }

  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = readCatalogCharColumns(await new PrismaPg({ ...this.poolConfig, database }, { onPoolError: () => {} }).connect());
    const dispose = async () => {
      await shadow.dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
      this.connected.delete(admin);
    };
    return new Proxy(shadow, {
      get(target, property) {
        if (property === "dispose") return dispose;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }
}

export interface OpenSchemaEngine {
  engine: SchemaEngine;
  close(): Promise<void>;
}

export async function openSchemaEngine(databaseUrl: string, schema: { path: string; content: string }): Promise<OpenSchemaEngine> {
  const { SchemaEngine } = await loadBindings();
  const factory = new MigrationAdapterFactory(poolConfigFromUrl(databaseUrl));
  const engine = await SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await factory.disposeAll();
    },
  };
}
