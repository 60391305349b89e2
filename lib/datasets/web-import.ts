import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Actor } from "@/lib/audit/actor";
import { importRoots, mediaRoot } from "@/lib/config/media-root";
import { invalidInput } from "@/lib/errors/domain-error";
import { dataDir } from "@/lib/config/paths";
import { MAX_JSON_BODY_BYTES, readBodyText } from "@/lib/http/request-body";
import { nulCharacterAt } from "@/lib/http/schemas";
import { resolveInside } from "@/lib/media/resolve-inside";
import { FORMAT_NAMES, type ImportOptionsInput } from "./import-options";
import { setImportJobId } from "./import-repository";
import { enqueueImport } from "./job-sender";
import { newUploadFolder, type ReceivedMultipart, receiveMultipart, type SavedUpload, safeUploadName } from "./multipart-upload";
import { isSafeRelativePath } from "./paths";
import { requestImport } from "./request-import";

/** The largest annotation file the upload form takes (the 545k-row Kinetics CSV is ~25 MB). */
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const formatSchema = z
  .string()
  .transform((value) => FORMAT_NAMES[value.toLowerCase()])
  .refine((value) => value !== undefined, "must be kinetics700, star, finediving or generic");

const checkboxSchema = z.union([
  z.boolean(),
  z.enum(["true", "false", "on", "off", "1", "0"]).transform((v) => v === "true" || v === "on" || v === "1"),
]);

/** The import form's fields (a JSON body, or the text fields of a multipart upload). */
const importFormSchema = z.object({
  format: formatSchema,
  datasetName: z.string().trim().min(1, "name the dataset").max(200),
  description: z.string().max(2000).optional(),
  /** A file on the server, under one of the IMPORT_ROOTS (absolute, or relative to the first). */
  serverPath: z.string().trim().min(1).max(4096).optional(),
  mappingPath: z.string().trim().min(1).max(4096).optional(),
  /** The clips' folder inside the media store ("" for the store itself). */
  mediaFolder: z.string().trim().max(1024).default(""),
  checkMedia: checkboxSchema.default(true),
});

/**
 * Reads an import request (JSON with a server path, or multipart/form-data with the file and,
 * for generic imports, the mapping uploaded), saves uploads under the first import root, and
 * checks every path: server paths must lie under an import root, the media folder inside the
 * media store. Returns the import's options; throws an invalid-input DomainError naming the problem
 * (too-large for an upload past `maxUploadBytes`, found while it streams to disk).
 */
export async function readImportRequest(request: Request, limits = { maxUploadBytes: MAX_UPLOAD_BYTES }): Promise<ImportOptionsInput> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) return readMultipart(request, limits.maxUploadBytes);
  const text = await readBodyText(request, MAX_JSON_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidInput("the body must be JSON or multipart/form-data");
  }
  const form = parseForm(body);
  if (form.serverPath === undefined) throw invalidInput("serverPath: give a file on the server, or upload one");
  return toOptions(
    form,
    await resolveImportPath(form.serverPath, { folders: form.format === "finediving" }),
    undefined,
    form.mappingPath ? await resolveImportPath(form.mappingPath) : undefined,
  );
}

async function readMultipart(request: Request, maxUploadBytes: number): Promise<ImportOptionsInput> {
  const [root = path.join(dataDir(), "imports")] = importRoots();
  const received = await receiveMultipart(request, newUploadFolder(root), { maxBytes: maxUploadBytes });
  try {
    return await optionsFromMultipart(received);
  } catch (error) {
    await rm(received.folder, { recursive: true, force: true });
    throw error;
  }
}

async function optionsFromMultipart({ fields, files }: ReceivedMultipart): Promise<ImportOptionsInput> {
  const text = (name: string) => {
    const value = fields[name];
    return value !== undefined && value.trim() !== "" ? value : undefined;
  };
  const form = parseForm({
    format: text("format"),
    datasetName: text("datasetName"),
    description: text("description"),
    serverPath: text("serverPath"),
    mappingPath: text("mappingPath"),
    mediaFolder: text("mediaFolder"),
    checkMedia: text("checkMedia") ?? "false",
  });
  const upload = mainUpload(files.filter((file) => file.field === "file"));
  const mappingUpload = files.find((file) => file.field === "mapping");
  const file =
    upload !== undefined
      ? upload.path
      : form.serverPath
        ? await resolveImportPath(form.serverPath, { folders: form.format === "finediving" })
        : null;
  if (file === null) throw invalidInput("file: choose a file to upload, or give a server path");
  const mapping = mappingUpload ? mappingUpload.path : form.mappingPath ? await resolveImportPath(form.mappingPath) : undefined;
  return toOptions(form, file, upload?.name, mapping);
}

function parseForm(raw: unknown): z.infer<typeof importFormSchema> {
  const nul = nulCharacterAt(raw);
  if (nul) throw invalidInput(`${nul.join(".") || "form"}: contains a NUL character (\\u0000), which cannot be stored`);
  const parsed = importFormSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`).join("; "));
  return parsed.data;
}

async function toOptions(
  form: z.infer<typeof importFormSchema>,
  file: string,
  displayName: string | undefined,
  mappingFile: string | undefined,
): Promise<ImportOptionsInput> {
  const format = form.format;
  if (format === undefined) throw invalidInput("format: unknown");
  if (format === "generic" && mappingFile === undefined) throw invalidInput("mapping: a generic import needs a mapping file");
  return {
    datasetName: form.datasetName,
    ...(form.description ? { description: form.description } : {}),
    format,
    file,
    ...(displayName ? { displayName: safeUploadName(displayName) } : {}),
    mediaPrefix: await mediaPrefixOf(form.mediaFolder, form.checkMedia),
    checkMedia: form.checkMedia,
    ...(mappingFile ? { mappingFile } : {}),
  };
}

/**
 * A path a researcher typed, accepted only when it is a file (or, with `folders`, a folder: a
 * FineDiving annotation set) under an allowed import root.
 */
async function resolveImportPath(candidate: string, accept: { folders?: boolean } = {}): Promise<string> {
  const roots = importRoots();
  for (const root of roots) {
    const relative = path.isAbsolute(candidate) ? path.relative(root, candidate) : candidate;
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) continue;
    const resolved = await resolveInside(root, relative.split(path.sep).join("/"));
    const info = resolved === null ? null : await stat(resolved).catch(() => null);
    if (resolved !== null && (info?.isFile() || (accept.folders === true && info?.isDirectory()))) return resolved;
  }
  const what = accept.folders === true ? "a file or folder" : "a file";
  throw invalidInput(`"${candidate}" is not ${what} under an allowed import folder (${roots.join(", ")})`);
}

/** Files that travel with an annotation file and are found beside it (never the file imported). */
const COMPANION_NAME = /^(action_classes\.txt|object_classes\.txt|Sub_action_Types_Table\.pkl|\w+_split\.pkl)$/;

/** Of several uploaded files (an annotation file with its companions), the one to import. */
function mainUpload(uploads: readonly SavedUpload[]): SavedUpload | undefined {
  return uploads.find((file) => !COMPANION_NAME.test(file.name)) ?? uploads[0];
}

async function mediaPrefixOf(folder: string, mustExist: boolean): Promise<string> {
  const prefix = folder.replace(/^\/+|\/+$/g, "");
  if (prefix === "") return "";
  if (!isSafeRelativePath(prefix))
    throw invalidInput(`mediaFolder: "${folder}" must be a folder inside the media store (relative, no "..")`);
  const resolved = await resolveInside(mediaRoot(), prefix);
  if (resolved === null) throw invalidInput(`mediaFolder: "${folder}" leads outside the media store`);
  if (mustExist && !(await stat(resolved).catch(() => null))?.isDirectory())
    throw invalidInput(`mediaFolder: no folder "${prefix}" in the media store`);
  return prefix;
}

/** Records the import and queues it for the worker; returns its id. */
export async function submitImport(options: ImportOptionsInput, actor: Actor): Promise<{ importId: number; jobId: string | null }> {
  const row = await requestImport(options, actor);
  const jobId = await enqueueImport(row.id);
  await setImportJobId(row.id, jobId);
  return { importId: row.id, jobId };
}
