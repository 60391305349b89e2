import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

// An optimistic redirect for pages only: the real session and role checks happen in every page
// and route handler, never here.
export function proxy(request: NextRequest) {
  if (!getSessionCookie(request, { cookiePrefix: "vstar" })) {
    const signIn = new URL("/sign-in", request.url);
    if (request.nextUrl.pathname !== "/") signIn.searchParams.set("next", request.nextUrl.pathname);
    return NextResponse.redirect(signIn);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!api|sign-in|_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|svg|ico|css|js)$).*)"],
};
