import { ensureAuthSecret } from "@/lib/auth/secret";
import { DomainError } from "@/lib/errors/domain-error";
import { mediaRoot } from "@/lib/config/media-root";
import { presignedMediaUrl, s3SettingsFromEnv } from "@/lib/media/object-storage";
import { resolveInside } from "@/lib/media/resolve-inside";
import { contentTypeOf, serveFile } from "@/lib/media/serve-file";
import { verifyVideoToken } from "@/lib/media/signed-token";
import { findServableVideo } from "./video-repository";

/** How long a presigned storage URL handed to a browser stays valid. */
const PRESIGNED_SECONDS = 15 * 60;

/**
 * The media responses, by video id only: the client never names a path. Anything that does not
 * lead to a READY video's file inside the media store — an id that is not a number, a video
 * without media, a stored path that would leave the store — is the same not-found error.
 */
export async function videoResponse(request: Request, idText: string): Promise<Response> {
  return servedFileResponse(request, idText, "mediaPath");
}

export async function posterResponse(request: Request, idText: string): Promise<Response> {
  return servedFileResponse(request, idText, "posterPath");
}

/** The video a signed token grants (no session: the token is the authorization); not found when invalid or expired. */
export async function signedVideoResponse(request: Request, token: string): Promise<Response> {
  const grant = verifyVideoToken(token, ensureAuthSecret());
  if (grant === null) throw mediaNotFound();
  return servedFileResponse(request, String(grant.videoId), "mediaPath");
}

async function servedFileResponse(request: Request, idText: string, which: "mediaPath" | "posterPath"): Promise<Response> {
  const id = parseId(idText);
  if (id === null) throw mediaNotFound();
  const video = await findServableVideo(id);
  const relative = video?.mediaStatus === "READY" ? video[which] : null;
  if (relative === null || relative === undefined) throw mediaNotFound();

  const storage = s3SettingsFromEnv();
  if (storage !== null) {
    const url = await presignedMediaUrl(storage, relative, { expiresInSeconds: PRESIGNED_SECONDS, contentType: contentTypeOf(relative) });
    return new Response(null, { status: 302, headers: { location: url, "cache-control": "private, no-store" } });
  }
  const file = await resolveInside(mediaRoot(), relative);
  if (file === null) throw mediaNotFound();
  const response = await serveFile(request, file, { contentType: contentTypeOf(file) });
  if (response === null) throw mediaNotFound();
  return response;
}

function parseId(text: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}

const mediaNotFound = () => new DomainError("not-found", "Media not found");
