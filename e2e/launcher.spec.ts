import { execFileSync, spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

// A second product instance on its own data directory and ports: start, stop with SIGINT the way
// a terminal's Ctrl-C does (the whole process group), start again, and find the same data.
// Its ports follow the main instance's (E2E_PORT, E2E_PG_PORT), so checkouts testing side by side do not collide.
const port = Number(process.env.E2E_PORT ?? 3100) + 90;
const dataDir = ".data/e2e-launcher";
const pgPort = String(Number(process.env.E2E_PG_PORT ?? 54349) + 10);

function startProduct() {
  const child = spawn("npm", ["start"], {
    detached: true,
    env: { ...process.env, PORT: String(port), VSTAR_DATA_DIR: dataDir, EMBEDDED_PG_PORT: pgPort, DEMO_MODE: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitUntilRunning(product: ReturnType<typeof startProduct>) {
  await expect.poll(() => product.output(), { timeout: 240_000, intervals: [500] }).toContain("Video-STaR Studio is running");
}

/** Live processes of the product's process group, or using its data directory (postgres). */
function leftovers(groupId: number): string[] {
  const listing = execFileSync("ps", ["-eo", "pgid=,stat=,args="], { encoding: "utf8" });
  return listing
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !/^\d+\s+Z/.test(line))
    .filter((line) => line.startsWith(`${groupId} `) || line.includes(dataDir));
}

/** Ctrl-C in a terminal: SIGINT to the whole process group. npm itself dies of it; the rest must stop. */
async function interrupt(product: ReturnType<typeof startProduct>) {
  const groupId = product.child.pid!;
  process.kill(-groupId, "SIGINT");
  await product.exited;
  await expect.poll(() => leftovers(groupId), { timeout: 45_000, intervals: [500] }).toEqual([]);
  expect(product.output()).toContain("stopping Video-STaR Studio");
}

async function userCount(): Promise<number> {
  const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: `http://localhost:${port}` },
    body: JSON.stringify({ email: "admin@demo.local", password: "vstar-demo-password" }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const users = (await (await fetch(`http://127.0.0.1:${port}/api/admin/users`, { headers: { cookie } })).json()) as {
    users: { id: string }[];
  };
  return users.users.length;
}

test("SIGINT leaves no process behind, and a second start finds the same data", async () => {
  test.setTimeout(600_000);
  execFileSync("rm", ["-rf", dataDir]);

  const first = startProduct();
  await waitUntilRunning(first);
  const usersBefore = await userCount();
  expect(usersBefore).toBe(4);
  expect(leftovers(first.child.pid!).some((line) => line.includes("postgres -D"))).toBe(true);
  await interrupt(first);

  const second = startProduct();
  await waitUntilRunning(second);
  expect(second.output()).not.toContain("Applied migrations");
  expect(await userCount()).toBe(usersBefore);
  await interrupt(second);
});
