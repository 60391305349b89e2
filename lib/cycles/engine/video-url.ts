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
 * valid for hours, so a slow batch's URLs still work when the backend fetches them. The app's
 * address and secret are read once, for the requests of one batch (reading them from the
 * environment per request was a visible part of each request's cost).
 */
export function videoUrlResolver(): VideoUrlResolver {
  if (override) return override;
  const prefix = `${appUrl()}/api/media/signed/`;
  const secret = ensureAuthSecret();
  return (videoId) => `${prefix}${signVideoToken(videoId, secret)}`;
}
