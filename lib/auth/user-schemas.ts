import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./auth-constants";
import { ROLES } from "./roles";

export const newUserSchema = z.object({
  email: z.email("Enter a valid email address").max(200),
  name: z.string().trim().min(1, "Enter a name").max(120),
  role: z.enum(ROLES),
  password: z.string().min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});

export const userChangeSchema = z
  .object({ role: z.enum(ROLES).optional(), active: z.boolean().optional() })
  .refine((change) => change.role !== undefined || change.active !== undefined, "Change the role or the active flag");
