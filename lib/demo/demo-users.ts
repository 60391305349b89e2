import type { Role } from "@/lib/auth/roles";

/** Known only in demo mode, and said so on the sign-in page. */
export const DEMO_PASSWORD = "vstar-demo-password";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.local", name: "Ada Admin", role: "ADMIN" },
  { email: "researcher@demo.local", name: "Rui Researcher", role: "RESEARCHER" },
  { email: "pi@demo.local", name: "Priya PI", role: "PI" },
  { email: "annotator@demo.local", name: "Ana Annotator", role: "ANNOTATOR" },
];
