export const ROLES = ["ADMIN", "RESEARCHER", "PI", "ANNOTATOR"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  RESEARCHER: "Researcher",
  PI: "PI",
  ANNOTATOR: "Annotator",
};

/** Where each role lands after signing in: the page of its everyday job. */
export const ROLE_HOME: Record<Role, string> = {
  ADMIN: "/admin/users",
  RESEARCHER: "/datasets",
  PI: "/aqa",
  ANNOTATOR: "/review",
};

/** Who may do what. Pages and routes name one of these; nothing is allowed by default. */
export const ACCESS = {
  anyone: ROLES,
  admin: ["ADMIN"],
  research: ["ADMIN", "RESEARCHER"],
  researchOrPi: ["ADMIN", "RESEARCHER", "PI"],
  review: ["ADMIN", "RESEARCHER", "ANNOTATOR"],
  aqa: ["ADMIN", "RESEARCHER", "PI"],
} as const satisfies Record<string, readonly Role[]>;

export type Access = keyof typeof ACCESS;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
