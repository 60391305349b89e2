/** fetch for our JSON API: throws an Error carrying the server's message (and field issues). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly issues: { field: string; message: string }[] = [],
    /** The one input field at fault, when the server names it (`baseVersion` on a stale save). */
    readonly field?: string,
  ) {
    super(message);
  }
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  const body = (await response.json().catch(() => ({}))) as {
    error?: string;
    field?: string;
    details?: { issues?: ApiError["issues"] };
  };
  if (!response.ok)
    throw new ApiError(body.error ?? `Request failed (${response.status})`, response.status, body.details?.issues, body.field);
  return body as T;
}
