import { ensureAuthSecret } from "@/lib/auth/secret";
import { appUrl } from "@/lib/config/app-url";
import { signVideoToken } from "@/lib/media";

/** The URL an inference backend fetches a video from (it holds no session, so it is signed). */
export type VideoUrlResolver = (videoId: number) => string;

let override: VideoUrlResolver | undefined;

/** For tests and embedders: replace how video URLs are made. */
export function setVideoUrlResolver(resolver: VideoUrlResolver | undefined): void {
  override = resolver;
}

/**
 * `<APP_URL>/api/media/signed/<token>`: a capability for one video (lib/media signVideoToken),
 * valid for hours, so a slow batch's URLs still work when the backend fetches them.
 */
export function videoUrl(videoId: number): string {
  if (override) return override(videoId);
  return `${appUrl()}/api/media/signed/${signVideoToken(videoId, ensureAuthSecret())}`;
}
