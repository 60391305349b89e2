import { auth } from "@/lib/auth/auth";
import { publicRoute } from "@/lib/http/route";

// better-auth's own endpoints (sign-in, sign-out, session, password change); it checks the
// session, Origin and rate limits itself. Created lazily: the build has no database.
export const GET = publicRoute((request) => auth().handler(request));
export const POST = publicRoute((request) => auth().handler(request));
