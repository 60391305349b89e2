import { ensureAuthSecret } from "@/lib/auth/secret";
import { appUrl } from "@/lib/config/app-url";
import { DEFAULT_SIGNED_URL_SECONDS, signVideoToken } from "@/lib/media/signed-token";

/**
 * A URL an inference backend can fetch a clip from without a session:
 * `<APP_URL>/api/media/signed/<videoId>.<expiry>.<hmac>.mp4`, valid for `expiresInSeconds`
 * (default 6 h). Signed with BETTER_AUTH_SECRET; with S3 storage the route redirects to the object.
 */
export function signedVideoUrl(videoId: number, options: { expiresInSeconds?: number } = {}): string {
  const token = signVideoToken(videoId, ensureAuthSecret(), { expiresInSeconds: options.expiresInSeconds ?? DEFAULT_SIGNED_URL_SECONDS });
  return `${appUrl()}/api/media/signed/${token}`;
}
