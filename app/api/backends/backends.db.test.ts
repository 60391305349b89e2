import { afterAll, beforeAll, expect, test } from "vitest";
import { startSimulator, type RunningSimulator } from "@/lib/backends/simulator";
import { resolveBackendConfig } from "@/lib/backends/registry";
import { getStoredBackend } from "@/lib/backends/registry/backend-repository";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { sessionCookieFor } from "@/lib/testing/sessions";
import { DELETE, PUT } from "./[id]/route";
import { POST as HEALTH } from "./[id]/health/route";
import { GET, POST } from "./route";

const ORIGIN = "http://localhost:3000";
let admin: string;
let researcher: string;
let sim: RunningSimulator;

beforeAll(async () => {
  admin = await sessionCookieFor("ADMIN");
  researcher = await sessionCookieFor("RESEARCHER");
  sim = await startSimulator({ port: 0, baseModel: "sim-base" });
});
afterAll(async () => {
  await sim.close();
  await disconnectPrisma();
});

function call(cookie: string, method: string, url: string, body?: unknown) {
  return new Request(`${ORIGIN}${url}`, {
    method,
    headers: { cookie, origin: ORIGIN, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const noParams = { params: Promise.resolve({}) };
const idParams = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const unique = () => `b-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

test("an admin stores a credential encrypted; nobody reads it back, and the client gets it decrypted", async () => {
  const name = unique();
  const created = await POST(
    call(admin, "POST", "/api/backends", {
      name,
      role: "INFERENCE",
      kind: "openai",
      baseUrl: "http://gpu:8000",
      settings: { model: "m" },
      credential: { source: "stored", value: "sk-very-secret" },
    }),
    noParams,
  );
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: number };

  const row = await prisma().backend.findUniqueOrThrow({ where: { id }, select: { secretCiphertext: true, config: true } });
  expect(row.secretCiphertext).toMatch(/^v1\./);
  expect(JSON.stringify(row)).not.toContain("sk-very-secret");

  const listed = await (await GET(call(researcher, "GET", "/api/backends"), noParams)).text();
  expect(listed).toContain(name);
  expect(listed).not.toContain("sk-very-secret");
  expect(listed).not.toContain(row.secretCiphertext);

  // An edit that leaves the credential alone keeps it.
  const edited = await PUT(
    call(admin, "PUT", `/api/backends/${id}`, {
      name,
      role: "INFERENCE",
      kind: "openai",
      baseUrl: "http://gpu:8001",
      settings: { model: "m2" },
      credential: { source: "stored" },
    }),
    idParams(id),
  );
  expect(edited.status).toBe(200);
  const runtime = resolveBackendConfig((await getStoredBackend(id))!);
  expect(runtime.config).toMatchObject({ baseUrl: "http://gpu:8001", model: "m2", apiKey: "sk-very-secret" });

  const audit = await prisma().auditLogEntry.findMany({
    where: { targetType: "Backend", targetId: String(id) },
    orderBy: { id: "asc" },
    select: { action: true, details: true },
  });
  expect(audit.map((entry) => entry.action)).toEqual(["backend.create", "backend.update"]);
  expect(JSON.stringify(audit)).not.toContain("sk-very-secret");
});

test("validation problems come back per field; a researcher may not edit", async () => {
  const bad = await POST(
    call(admin, "POST", "/api/backends", { name: unique(), role: "TRAINING", kind: "openai", baseUrl: "nope", settings: {} }),
    noParams,
  );
  expect(bad.status).toBe(400);
  const { details } = (await bad.json()) as { details: { issues: { field: string }[] } };
  expect(details.issues.map((issue) => issue.field)).toEqual(expect.arrayContaining(["body.kind", "body.baseUrl", "body.settings.model"]));

  const refused = await POST(
    call(researcher, "POST", "/api/backends", {
      name: unique(),
      role: "INFERENCE",
      kind: "openai",
      baseUrl: "http://x",
      settings: { model: "m" },
    }),
    noParams,
  );
  expect(refused.status).toBe(403);

  const name = unique();
  const body = { name, role: "INFERENCE", kind: "openai", baseUrl: "http://x", settings: { model: "m" } };
  expect((await POST(call(admin, "POST", "/api/backends", body), noParams)).status).toBe(201);
  const twin = await POST(call(admin, "POST", "/api/backends", body), noParams);
  expect(twin.status).toBe(409);
  expect(((await twin.json()) as { details: { issues: { field: string }[] } }).details.issues[0]?.field).toBe("body.name");
});

test("a health check of the simulator lists its models, shows it simulated and is recorded", async () => {
  const created = await POST(
    call(admin, "POST", "/api/backends", {
      name: unique(),
      role: "INFERENCE",
      kind: "simulator",
      baseUrl: sim.url,
      settings: { model: "sim-base" },
    }),
    noParams,
  );
  const { id } = (await created.json()) as { id: number };
  const response = await HEALTH(call(researcher, "POST", `/api/backends/${id}/health`), idParams(id));
  expect(response.status).toBe(200);
  const { health } = (await response.json()) as { health: { ok: boolean; simulated: boolean; models: { id: string }[] } };
  expect(health).toMatchObject({ ok: true, simulated: true });
  expect(health.models.map((model) => model.id)).toContain("sim-base");

  const listed = (await (await GET(call(researcher, "GET", "/api/backends"), noParams)).json()) as {
    backends: { id: number; isSimulator: boolean; lastHealth: { ok: boolean } | null }[];
  };
  expect(listed.backends.find((backend) => backend.id === id)).toMatchObject({ isSimulator: true, lastHealth: { ok: true } });
});

test("a credential from a missing environment variable makes the check fail with the reason", async () => {
  const created = await POST(
    call(admin, "POST", "/api/backends", {
      name: unique(),
      role: "INFERENCE",
      kind: "openai",
      baseUrl: sim.url,
      settings: { model: "sim-base" },
      credential: { source: "env", envVar: "VSTAR_TEST_UNSET_KEY" },
    }),
    noParams,
  );
  const { id } = (await created.json()) as { id: number };
  const { health } = (await (await HEALTH(call(researcher, "POST", `/api/backends/${id}/health`), idParams(id))).json()) as {
    health: { ok: boolean; error: string };
  };
  expect(health.ok).toBe(false);
  expect(health.error).toMatch(/VSTAR_TEST_UNSET_KEY/);
});

test("a backend is deleted by an admin, and is then not found", async () => {
  const { id } = (await (
    await POST(
      call(admin, "POST", "/api/backends", {
        name: unique(),
        role: "INFERENCE",
        kind: "openai",
        baseUrl: "http://x",
        settings: { model: "m" },
      }),
      noParams,
    )
  ).json()) as { id: number };
  expect((await DELETE(call(researcher, "DELETE", `/api/backends/${id}`), idParams(id))).status).toBe(403);
  expect((await DELETE(call(admin, "DELETE", `/api/backends/${id}`), idParams(id))).status).toBe(200);
  expect((await DELETE(call(admin, "DELETE", `/api/backends/${id}`), idParams(id))).status).toBe(404);
});

test("a URL with a user name and password is refused, and one stored before is shown to researchers without them", async () => {
  for (const baseUrl of ["http://vllm:s3cret@gpu-1:8000", "https://token@gpu-1/v1", "HTTP://u:p@gpu-1"]) {
    const refused = await POST(
      call(admin, "POST", "/api/backends", { name: unique(), role: "INFERENCE", kind: "openai", baseUrl, settings: { model: "m" } }),
      noParams,
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ field: "baseUrl", error: expect.stringMatching(/credential field/) });
  }

  const name = unique();
  await prisma().backend.create({
    data: { name, role: "INFERENCE", protocol: "openai", baseUrl: "http://vllm:s3cret@gpu-1:8000/v1", config: { model: "m" } },
    select: { id: true },
  });
  const listed = await GET(call(researcher, "GET", "/api/backends"), noParams);
  const text = await listed.text();
  expect(text).not.toContain("s3cret");
  expect(text).not.toContain("vllm:");
  const { backends } = JSON.parse(text) as { backends: { name: string; baseUrl: string }[] };
  expect(backends.find((backend) => backend.name === name)?.baseUrl).toBe("http://***@gpu-1:8000/v1");
});
