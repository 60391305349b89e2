/** Dispatches a request to its route. Bodies are read here, once, for the routes that take one. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimulatorState } from "../simulator-state";
import { getConfig, health, setConfig } from "./control-routes";
import { HttpError, parseJson, readBody, sendJson } from "./http-io";
import { chatCompletions, embeddings, listModels, loadLoraAdapter, questionAnswering, unloadLoraAdapter } from "./openai-routes";
import { deleteJob, jobDetails, jobLogs, listJobs, rayVersion, stopJob, submitJob } from "./ray-routes";

type Handler = (state: SimulatorState, res: ServerResponse, body: unknown, params: string[]) => void | Promise<void>;

interface Route {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  handler: Handler;
}

const jobId = "([^/]+)";

const routes: Route[] = [
  { method: "GET", pattern: /^\/health$/, handler: (s, res) => health(s, res) },
  { method: "GET", pattern: /^\/_sim\/config$/, handler: (s, res) => getConfig(s, res) },
  { method: "POST", pattern: /^\/_sim\/config$/, handler: (s, res, body) => setConfig(s, res, body) },
  { method: "GET", pattern: /^\/v1\/models$/, handler: (s, res) => listModels(s, res) },
  { method: "POST", pattern: /^\/v1\/chat\/completions$/, handler: (s, res, body) => chatCompletions(s, res, body) },
  { method: "POST", pattern: /^\/v1\/embeddings$/, handler: (s, res, body) => embeddings(s, res, body) },
  { method: "POST", pattern: /^\/models\/(.+)$/, handler: (s, res, body, [model]) => questionAnswering(s, res, body, model ?? "") },
  { method: "POST", pattern: /^\/v1\/load_lora_adapter$/, handler: (s, res, body) => loadLoraAdapter(s, res, body) },
  { method: "POST", pattern: /^\/v1\/unload_lora_adapter$/, handler: (s, res, body) => unloadLoraAdapter(s, res, body) },
  { method: "GET", pattern: /^\/api\/version$/, handler: (_s, res) => rayVersion(res) },
  { method: "POST", pattern: /^\/api\/jobs\/?$/, handler: (s, res, body) => submitJob(s, res, body) },
  { method: "GET", pattern: /^\/api\/jobs\/?$/, handler: (s, res) => listJobs(s, res) },
  { method: "GET", pattern: new RegExp(`^/api/jobs/${jobId}/logs$`), handler: (s, res, _b, [id]) => jobLogs(s, res, id ?? "") },
  { method: "POST", pattern: new RegExp(`^/api/jobs/${jobId}/stop$`), handler: (s, res, _b, [id]) => stopJob(s, res, id ?? "") },
  { method: "GET", pattern: new RegExp(`^/api/jobs/${jobId}$`), handler: (s, res, _b, [id]) => jobDetails(s, res, id ?? "") },
  { method: "DELETE", pattern: new RegExp(`^/api/jobs/${jobId}$`), handler: (s, res, _b, [id]) => deleteJob(s, res, id ?? "") },
];

export async function route(state: SimulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = pathOf(req.url ?? "/");
  const matching = routes.filter((r) => r.pattern.test(path));
  if (matching.length === 0) return sendJson(res, 404, { detail: "Not Found" });
  const routeFound = matching.find((r) => r.method === req.method);
  if (!routeFound) return sendJson(res, 405, { detail: "Method Not Allowed" });

  try {
    const body = req.method === "POST" ? parseJson(await readBody(req, state.options.maxBodyBytes)) : undefined;
    const params = (path.match(routeFound.pattern) ?? []).slice(1).map(decodeURIComponent);
    await routeFound.handler(state, res, body, params);
  } catch (error) {
    if (res.headersSent || res.destroyed) return;
    if (error instanceof HttpError)
      return sendJson(res, error.status, {
        object: "error",
        message: error.message,
        type: "BadRequestError",
        param: null,
        code: error.status,
      });
    sendJson(res, 500, {
      object: "error",
      message: `simulator bug: ${(error as Error).message}`,
      type: "InternalServerError",
      param: null,
      code: 500,
    });
  }
}

/** The request's path; plain paths (the hot ones) skip a URL parse that would leave them unchanged. */
function pathOf(url: string): string {
  return PLAIN_PATH.test(url) ? url : new URL(url, "http://simulator").pathname;
}

const PLAIN_PATH = /^\/[A-Za-z0-9_\-/]*$/;
