import type { z } from "zod";
import { parseJsonReply } from "@/lib/backends/http/parse-reply";
import type { CallResult, ResilientCaller } from "@/lib/backends/http/resilient-caller";
import { isSuccess, joinUrl, send, statusError, type HttpRequest, type HttpResponse } from "@/lib/backends/http/send";

export interface JsonApiOptions {
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  caller: ResilientCaller;
  now?: () => number;
}

export interface JsonCall<T> {
  method: HttpRequest["method"];
  path: string;
  json?: unknown;
  signal?: AbortSignal;
  /** Validates a 2xx body; a mismatch is a MalformedReplyError. */
  reply: z.ZodType<T>;
  /** Accepts a reply without `reply`'s parse when it plainly fits (see parseJsonReply); never more than `reply` does. */
  fastReply?: (json: unknown) => T | undefined;
  /**
   * Turns a reply that is not plain success into a result (e.g. "already exists" on a resubmit);
   * returning undefined lets the usual handling decide.
   */
  rescue?: (response: HttpResponse) => T | undefined;
}

/** A REST API spoken in JSON, every call going through one backend's resilience policy. */
export class JsonApi {
  private readonly now: () => number;

  constructor(private readonly options: JsonApiOptions) {
    this.now = options.now ?? Date.now;
  }

  url(path: string): string {
    return joinUrl(this.options.baseUrl, path);
  }

  async call<T>(call: JsonCall<T>): Promise<CallResult<T> & { latencyMs: number }> {
    let latencyMs = 0;
    const result = await this.options.caller.call(async () => {
      const started = this.now();
      const response = await send({
        url: this.url(call.path),
        method: call.method,
        headers: this.options.headers,
        json: call.json,
        timeoutMs: this.options.timeoutMs,
        signal: call.signal,
      });
      latencyMs = this.now() - started;
      const rescued = call.rescue?.(response);
      if (rescued !== undefined) return rescued;
      if (!isSuccess(response)) throw statusError(response, this.now);
      return parseJsonReply(response, call.reply, call.fastReply);
    }, call.signal);
    return { ...result, latencyMs };
  }
}
