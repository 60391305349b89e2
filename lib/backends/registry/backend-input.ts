import { z } from "zod";
import { embeddingsBackendConfigSchema, inferenceBackendConfigSchema, trainingBackendConfigSchema } from "@/lib/backends";
import { BACKEND_KINDS, BACKEND_ROLES, KIND_TRAITS, SECRET_SETTING_KEYS } from "./backend-kinds";

const envVarName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Name an environment variable (letters, digits and _, not starting with a digit)");

/** Where a backend's credential comes from. `stored` without a value keeps the one already stored. */
const credentialInputSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("none") }),
  z.object({ source: z.literal("env"), envVar: envVarName }),
  z.object({ source: z.literal("stored"), value: z.string().min(1, "Enter the credential").max(8192).optional() }),
]);

const RESERVED_SETTINGS = new Set(["kind", "baseUrl", "secretEnv"]);

/** What the admin form sends to create or change a backend; every problem is reported on its field. */
export const backendInputSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Give the backend a name")
      .max(80, "At most 80 characters")
      .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, "Letters, digits, spaces, _ . and - only"),
    role: z.enum(BACKEND_ROLES, { error: "Choose inference, training or embeddings" }),
    kind: z.enum(BACKEND_KINDS, { error: "Choose a protocol" }),
    baseUrl: z
      .string()
      .trim()
      .min(1, "Enter the backend's URL")
      .refine(
        (url) => !hasUserInfo(url),
        "Remove the user name and password from the URL: researchers see backend URLs. Enter the credential in the credential field, where it is stored encrypted",
      ),
    /** The client's other settings (model, concurrency, timeouts, frames...), as lib/backends defines them. */
    settings: z.record(z.string(), z.unknown()).default({}),
    credential: credentialInputSchema.default({ source: "none" }),
  })
  .superRefine((input, context) => {
    const traits = KIND_TRAITS[input.kind];
    if (!traits.roles.includes(input.role)) {
      context.addIssue({
        code: "custom",
        path: ["kind"],
        message: `${traits.label} cannot serve as ${input.role === "INFERENCE" || input.role === "EMBEDDINGS" ? "an" : "a"} ${input.role.toLowerCase()} backend`,
      });
    }
    for (const key of Object.keys(input.settings)) {
      if (SECRET_SETTING_KEYS.has(key))
        context.addIssue({
          code: "custom",
          path: ["settings", key],
          message: "Credentials go in the credential field, where they are stored encrypted",
        });
      else if (RESERVED_SETTINGS.has(key))
        context.addIssue({ code: "custom", path: ["settings", key], message: `"${key}" is set by its own field` });
    }
    if (traits.secretRequired && input.credential.source === "none") {
      context.addIssue({ code: "custom", path: ["credential", "source"], message: `${traits.label} needs a credential` });
    }
    for (const issue of clientConfigIssues(input)) context.addIssue({ code: "custom", ...issue });
  });

export type BackendInput = z.infer<typeof backendInputSchema>;

/** Whether a URL carries credentials (`http://user:pass@host`), however it is spelled. */
export function hasUserInfo(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== "" || parsed.password !== "";
  } catch {
    // Not a URL at all: the client's own schema says so.
    return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);
  }
}

/** A stored URL as shown: any credentials in it (saved before they were refused) replaced by "***". */
export function withoutUserInfo(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === "" && parsed.password === "") return url;
    parsed.username = "***";
    parsed.password = "";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1***@");
  }
}

/** The settings checked by the very schema the client will parse them with. */
function clientConfigIssues(input: Omit<BackendInput, "name">): { path: PropertyKey[]; message: string }[] {
  const traits = KIND_TRAITS[input.kind];
  const candidate: Record<string, unknown> = { ...input.settings, kind: input.kind, baseUrl: input.baseUrl };
  // The real credential is checked when used; a placeholder stands in so its presence validates.
  if (input.credential.source !== "none") candidate[traits.secretKey] = "credential-placeholder";
  // The kind decides the client; a kind that serves inference and embeddings is checked by the role it plays.
  const schema = traits.roles.includes("TRAINING")
    ? trainingBackendConfigSchema
    : input.role === "EMBEDDINGS"
      ? embeddingsBackendConfigSchema
      : inferenceBackendConfigSchema;
  const result = schema.safeParse(candidate);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const [head, ...rest] = issue.path;
    if (head === "baseUrl" || head === "kind") return { path: [head, ...rest], message: issue.message };
    if (typeof head === "string" && SECRET_SETTING_KEYS.has(head))
      return { path: ["credential", "source"], message: `${traits.label} needs a credential` };
    return { path: ["settings", ...issue.path], message: issue.message };
  });
}
