import { signedVideoResponse } from "@/lib/datasets/media-responses";
import { publicRoute } from "@/lib/http/route";

// A clip for an inference backend: no session, the HMAC-signed, expiring token is the authorization
// (made by signedVideoUrl in lib/datasets/signed-video-url.ts).
export const GET = publicRoute((request) => signedVideoResponse(request, tokenOf(request)));

function tokenOf(request: Request): string {
  const segments = new URL(request.url).pathname.split("/");
  return decodeURIComponent(segments[segments.length - 1] ?? "");
}
