import { EventEmitter } from "node:events";
import { afterEach, expect, test, vi } from "vitest";

const spawned = vi.hoisted(() => ({ calls: [] as { command: string; args: string[]; env: NodeJS.ProcessEnv }[] }));
vi.mock("node:child_process", () => ({
  spawn: (command: string, args: string[], options: { env: NodeJS.ProcessEnv }) => {
    spawned.calls.push({ command, args, env: options.env });
    const child = new EventEmitter();
    setImmediate(() => child.emit("exit", 1, null));
    return child;
  },
}));

afterEach(() => {
  spawned.calls.length = 0;
});

test("next build runs with Next.js telemetry off, whatever the caller's environment", async () => {
  const { buildWeb } = await import("./web-build");
  const saved = process.env.NEXT_TELEMETRY_DISABLED;
  delete process.env.NEXT_TELEMETRY_DISABLED;
  try {
    await expect(buildWeb()).rejects.toThrow("next build failed (exit code 1)");
  } finally {
    if (saved !== undefined) process.env.NEXT_TELEMETRY_DISABLED = saved;
  }
  expect(spawned.calls).toHaveLength(1);
  expect(spawned.calls[0]?.args).toEqual(["build"]);
  expect(spawned.calls[0]?.env.NEXT_TELEMETRY_DISABLED).toBe("1");
});
